package gr.mydimos.availability.slot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** How often what a search reads has changed, by scope (V8__slot_search_generations.sql); written by triggers only. */
@Entity
public class SearchGeneration extends PanacheEntityBase {
    @Id
    public String scope;
    public long generation;
}
