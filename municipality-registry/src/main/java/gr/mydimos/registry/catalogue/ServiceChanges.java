package gr.mydimos.registry.catalogue;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.events.RegistryEvent;
import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.AvailabilityApi;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.municipality.Declaration;
import gr.mydimos.registry.municipality.Municipality;
import gr.mydimos.registry.municipality.Unit;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A service of the catalogue added or changed (REG-4), in one transaction with the ServiceChanged event by which
 * availability and booking learn of it, so that they never offer what no longer exists.
 */
@ApplicationScoped
public class ServiceChanges {

    /** A booked appointment the change would strand, and why (the shape of availability's schedule conflicts). */
    public record Stranded(String bookingReference, String municipality, OffsetDateTime start, OffsetDateTime end, String reason) {}

    @Inject
    Outbox outbox;
    @RestClient
    AvailabilityApi availability;
    @Inject
    Clock clock;
    @Inject
    ActingMunicipality acting;

    /** Adds or changes the service, unless that would strand booked appointments (refused, listing them). */
    public Uni<PublicService> change(String code, Declaration.Service request) {
        return refuseIfStranding(code, request).flatMap(ignored -> save(code, request));
    }

    /**
     * Booked appointments ahead are kept as they were booked: a change that would take their mode away or move their
     * service to another unit is refused, listing them (AV-7, as for a schedule), to be moved or cancelled first.
     * A new duration or buffer applies to new bookings only, so it strands nobody.
     */
    private Uni<Void> refuseIfStranding(String code, Declaration.Service request) {
        return Panache.withSession(() -> PublicService.<PublicService>findById(request.id())).flatMap(existing -> {
            if (existing == null) {
                return Uni.createFrom().voidItem();
            }
            boolean moved = !existing.unitId.equals(request.unitId());
            List<String> withdrawn = existing.terms.modes().stream().map(m -> m.mode().name())
                    .filter(mode -> request.modes().stream().noneMatch(kept -> kept.mode().name().equals(mode))).toList();
            if (!moved && withdrawn.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return availability.ofService(code, request.id(), acting.code())
                    .onFailure(failure -> !(failure instanceof Problem))
                    .transform(failure -> Problems.unavailable("Η υπηρεσία διαθεσιμότητας", "availability service"))
                    .invoke(booked -> {
                        List<Stranded> stranded = booked.stream().filter(a -> moved || withdrawn.contains(a.mode()))
                                .map(a -> new Stranded(a.bookingReference(), code, a.start(), a.end(),
                                        moved ? "unit-changed" : "mode-withdrawn")).toList();
                        if (!stranded.isEmpty()) {
                            throw Problem.of(ProblemType.SCHEDULE_CONFLICT)
                                    .detail("Η αλλαγή θα άφηνε " + stranded.size() + " κλεισμένα ραντεβού χωρίς εξυπηρέτηση· πρώτα μεταφέρετε ή ακυρώστε τα.",
                                            "The change would strand " + stranded.size() + " booked appointment(s); move or cancel them first.")
                                    .with("bookings", stranded).build();
                        }
                    }).replaceWithVoid();
        });
    }

    @WithTransaction
    Uni<PublicService> save(String code, Declaration.Service request) {
        return Municipality.<Municipality>findById(code).flatMap(m -> {
            if (m == null) {
                throw Problems.notFound("Δεν υπάρχει δήμος «" + code + "».", "No municipality '" + code + "'.");
            }
            for (int i = 0; i < request.modes().size(); i++) {
                if (!Arrays.asList(m.modes).contains(request.modes().get(i).mode().name())) {
                    throw Problem.invalidField("modes[" + i + "].mode", "ο δήμος δεν προσφέρει αυτόν τον τρόπο εξυπηρέτησης",
                            "the municipality does not offer this mode");
                }
            }
            return Unit.<Unit>findById(request.unitId());
        }).flatMap(unit -> {
            if (unit == null || !unit.municipalityCode.equals(code)) {
                throw Problem.invalidField("unitId", "δεν είναι μονάδα του δήμου " + code, "not a unit of " + code);
            }
            return PublicService.<PublicService>findById(request.id());
        }).flatMap(existing -> {
            if (existing != null && !existing.unitId.equals(request.unitId())) {
                return Unit.<Unit>findById(existing.unitId).map(u -> {
                    if (!u.municipalityCode.equals(code)) {
                        throw Problems.forbidden("id", "Η υπηρεσία ανήκει σε άλλον δήμο.", "The service belongs to another municipality.");
                    }
                    return existing;
                });
            }
            return Uni.createFrom().item(existing);
        }).flatMap(existing -> {
            PublicService service = PublicService.from(request);
            if (existing != null) {
                service.notesEl = existing.notesEl;
                service.notesEn = existing.notesEn;
            }
            RegistryEvent event = RegistryEvent.of(RegistryEvent.SERVICE_CHANGED, clock.instant(), new RegistryEvent.Service(
                    service.id, code, service.unitId, request.modes().stream()
                    .map(mode -> new RegistryEvent.ModeDuration(mode.mode().name(), mode.durationMinutes())).toList(),
                    service.bufferMinutes));
            return Panache.getSession().flatMap(s -> s.merge(service))
                    .call(saved -> outbox.add(RegistryEvent.TOPIC, service.id, event.type(), event.eventId(),
                            event.occurredAt(), event));
        });
    }
}
