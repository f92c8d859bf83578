package gr.mydimos.architecture.planted.layers.high;

import gr.mydimos.architecture.planted.layers.low.Slot;

/** Planted: depends on the lower feature only. */
public class Reservation {
    Slot slot;
}
