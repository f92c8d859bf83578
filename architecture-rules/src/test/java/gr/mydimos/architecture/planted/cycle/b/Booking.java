package gr.mydimos.architecture.planted.cycle.b;

import gr.mydimos.architecture.planted.cycle.a.Applicant;

/** ... and feature b needs feature a back. */
public class Booking {
    Applicant applicant;
}
