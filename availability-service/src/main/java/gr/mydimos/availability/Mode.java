package gr.mydimos.availability;

/** How the appointment is served. */
public enum Mode { IN_PERSON, PHONE, VIDEO }
