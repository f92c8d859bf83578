package gr.mydimos.booking;

/** How the appointment is served. */
public enum Mode { IN_PERSON, PHONE, VIDEO }
