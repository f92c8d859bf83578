package gr.mydimos.registry.records;

import gr.mydimos.registry.municipality.Municipality;

/** Planted for ArchitectureTest: Citizen Registry code reading the municipalities' entity, which the boundary forbids. */
public class PlantedCrossing {

    public String keeper(Municipality municipality) {
        return municipality.nameEl;
    }
}
