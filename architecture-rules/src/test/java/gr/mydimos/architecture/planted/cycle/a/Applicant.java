package gr.mydimos.architecture.planted.cycle.a;

import gr.mydimos.architecture.planted.cycle.b.Booking;

/** Planted: feature a needs feature b ... */
public class Applicant {
    Booking booking;
}
