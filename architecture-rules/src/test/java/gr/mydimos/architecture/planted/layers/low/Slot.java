package gr.mydimos.architecture.planted.layers.low;

/** Planted: a feature needed by another, and needing nothing back. */
public class Slot {
}
