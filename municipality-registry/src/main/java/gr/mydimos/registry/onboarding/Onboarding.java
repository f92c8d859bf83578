package gr.mydimos.registry.onboarding;

import gr.mydimos.events.RegistryEvent;
import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.catalogue.PublicService;
import gr.mydimos.registry.municipality.Declaration;
import gr.mydimos.registry.municipality.Municipality;
import gr.mydimos.registry.municipality.Unit;
import gr.mydimos.registry.municipality.UnitHours;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Submitting onboarding requests and deciding on them (REG-2). */
@ApplicationScoped
public class Onboarding {

    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @Inject
    Clock clock;
    @Inject
    Outbox outbox;

    @WithTransaction
    public Uni<OnboardingRequest> submit(Declaration declaration, String submittedBy) {
        checkConsistency(declaration);
        return refuseIdsOfOthers(declaration).flatMap(ignored -> Municipality.<Municipality>findById(declaration.code())).flatMap(existing -> {
            if (existing != null && existing.status == Municipality.Status.ACTIVE) {
                throw Problems.conflict(ProblemType.MUNICIPALITY_STATUS, "Ο δήμος «" + declaration.code() + "» είναι ήδη ενεργός.",
                        "Municipality '" + declaration.code() + "' is already active.");
            }
            return OnboardingRequest.count("municipalityCode = ?1 and status = ?2", declaration.code(),
                    OnboardingRequest.Status.SUBMITTED);
        }).flatMap(open -> {
            if (open > 0) {
                throw Problems.conflict(ProblemType.REQUEST_OPEN, "Αίτημα για τον δήμο «" + declaration.code() + "» αναμένει απόφαση.",
                        "A request for '" + declaration.code() + "' awaits a decision.");
            }
            OnboardingRequest request = new OnboardingRequest();
            request.id = UUID.randomUUID();
            request.municipalityCode = declaration.code();
            request.declaration = declaration;
            request.status = OnboardingRequest.Status.SUBMITTED;
            request.submittedBy = submittedBy;
            request.submittedAt = clock.instant();
            return request.<OnboardingRequest>persist();
        });
    }

    /** The act of the Secretary General that approves a municipality's joining (seed 004 Art.6§3). */
    public record Act(String number, LocalDate date) {}

    /** Approval, by its act, activates the municipality with everything it declared. */
    @WithTransaction
    public Uni<OnboardingRequest> approve(UUID id, String decidedBy, Act act) {
        if (act.date().isAfter(LocalDate.now(clock.withZone(ATHENS)))) {
            throw Problem.invalidField("actDate", "η απόφαση δεν μπορεί να έχει μεταγενέστερη ημερομηνία", "the act cannot be dated in the future");
        }
        return open(id).call(request -> refuseIdsOfOthers(request.declaration))
                .call(request -> apply(request.declaration, act))
                .call(request -> publishActivated(request.declaration))
                .map(request -> {
                    decide(request, OnboardingRequest.Status.APPROVED, decidedBy, null);
                    request.actNumber = act.number();
                    request.actDate = act.date();
                    return request;
                });
    }

    @WithTransaction
    public Uni<OnboardingRequest> reject(UUID id, String decidedBy, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalidField("reason", "η απόρριψη αναφέρει την αιτιολογία της", "a rejection states its reason");
        }
        return open(id).map(request -> {
            decide(request, OnboardingRequest.Status.REJECTED, decidedBy, reason.strip());
            return request;
        });
    }

    private Uni<OnboardingRequest> open(UUID id) {
        return OnboardingRequest.<OnboardingRequest>findById(id).map(request -> {
            if (request == null) {
                throw Problems.notFound("Δεν υπάρχει αίτημα ένταξης " + id + ".", "No onboarding request " + id + ".");
            }
            if (request.status != OnboardingRequest.Status.SUBMITTED) {
                throw Problems.conflict(ProblemType.ALREADY_DECIDED, "Το αίτημα έχει ήδη κριθεί (" + request.status + ").",
                        "The request was already decided (" + request.status + ").");
            }
            return request;
        });
    }

    private void decide(OnboardingRequest request, OnboardingRequest.Status status, String by, String reason) {
        request.status = status;
        request.decidedBy = by;
        request.decidedAt = clock.instant();
        request.decisionReason = reason;
    }

    private Uni<Void> apply(Declaration d, Act act) {
        Municipality m = new Municipality();
        m.joinedAt = clock.instant();
        m.joiningActNumber = act.number();
        m.joiningActDate = act.date();
        m.code = d.code();
        m.nameEl = d.nameEl();
        m.nameEn = d.nameEn();
        m.status = Municipality.Status.ACTIVE;
        m.address = d.address();
        m.phones = array(d.phones());
        m.email = d.email();
        m.modes = d.modes().stream().map(Enum::name).toArray(String[]::new);
        m.thirdPartyVideoAllowed = d.thirdPartyVideoAllowed();
        Uni<Void> chain = Panache.getSession().flatMap(s -> s.merge(m)).replaceWithVoid();
        for (Declaration.Unit declared : d.units()) {
            Unit unit = new Unit();
            unit.id = declared.id();
            unit.municipalityCode = d.code();
            unit.nameEl = declared.nameEl();
            unit.nameEn = declared.nameEn();
            unit.address = declared.address();
            unit.phones = array(declared.phones());
            unit.email = declared.email();
            chain = chain.call(() -> Panache.getSession().flatMap(s -> s.merge(unit)))
                    .call(() -> UnitHours.delete("unitId", declared.id()));
            for (Declaration.Hours h : declared.hours()) {
                UnitHours hours = new UnitHours();
                hours.unitId = declared.id();
                hours.dayOfWeek = (short) h.day();
                hours.opens = LocalTime.parse(h.opens());
                hours.closes = LocalTime.parse(h.closes());
                chain = chain.call(hours::persist);
            }
        }
        for (Declaration.Service declared : d.services()) {
            PublicService service = PublicService.from(declared);
            chain = chain.call(() -> Panache.getSession().flatMap(s -> s.merge(service)));
        }
        return chain;
    }

    /** Availability turns the declared hours of each unit into its weekly schedule. */
    private Uni<Void> publishActivated(Declaration d) {
        RegistryEvent event = RegistryEvent.of(RegistryEvent.MUNICIPALITY_ACTIVATED, clock.instant(),
                new RegistryEvent.Municipality(d.code(), d.nameEl(), d.nameEn(),
                        d.modes().stream().map(Enum::name).toList(),
                        d.units().stream().map(u -> new RegistryEvent.Unit(u.id(), u.hours().stream()
                                .map(h -> new RegistryEvent.Hours(h.day(), h.opens(), h.closes())).toList())).toList()));
        return outbox.add(RegistryEvent.TOPIC, d.code(), event.type(), event.eventId(), event.occurredAt(), event);
    }

    /** What bean validation cannot see: references between parts and times within a day. */
    static void checkConsistency(Declaration d) {
        Set<String> units = new HashSet<>();
        for (int u = 0; u < d.units().size(); u++) {
            Declaration.Unit unit = d.units().get(u);
            if (!units.add(unit.id())) {
                throw Problem.invalidField("units[" + u + "].id", "δηλώθηκε δύο φορές", "declared twice");
            }
            checkHours("units[" + u + "].", unit.hours());
        }
        Set<String> services = new HashSet<>();
        for (int s = 0; s < d.services().size(); s++) {
            Declaration.Service service = d.services().get(s);
            if (!services.add(service.id())) {
                throw Problem.invalidField("services[" + s + "].id", "δηλώθηκε δύο φορές", "declared twice");
            }
            if (!units.contains(service.unitId())) {
                throw Problem.invalidField("services[" + s + "].unitId", "δεν είναι μία από τις δηλωμένες μονάδες",
                        "not one of the declared units");
            }
            for (int m = 0; m < service.modes().size(); m++) {
                if (!d.modes().contains(service.modes().get(m).mode())) {
                    throw Problem.invalidField("services[" + s + "].modes[" + m + "].mode",
                            "ο δήμος δεν προσφέρει αυτόν τον τρόπο εξυπηρέτησης", "the municipality does not offer this mode");
                }
            }
        }
        if (d.thirdPartyVideoAllowed() && !d.modes().contains(Declaration.Mode.VIDEO)) {
            throw Problem.invalidField("thirdPartyVideoAllowed", "μόνο όταν οι τρόποι εξυπηρέτησης περιλαμβάνουν VIDEO",
                    "only with VIDEO among the modes");
        }
    }

    /**
     * A unit's weekly hours: each period closes after it opens, within the day, and no two periods of a day overlap.
     * prefix: where the list sits in the request ("" for a unit on its own).
     */
    public static void checkHours(String prefix, List<Declaration.Hours> hours) {
        for (int h = 0; h < hours.size(); h++) {
            Declaration.Hours period = hours.get(h);
            LocalTime opens = LocalTime.parse(period.opens());
            LocalTime closes = LocalTime.parse(period.closes());
            if (!closes.isAfter(opens)) {
                throw Problem.invalidField(prefix + "hours[" + h + "].closes",
                        "πρέπει να είναι μετά το άνοιγμα (opens), την ίδια ημέρα", "must be after opens, within the same day");
            }
            for (int other = 0; other < h; other++) {
                Declaration.Hours earlier = hours.get(other);
                if (earlier.day() == period.day() && opens.isBefore(LocalTime.parse(earlier.closes()))
                        && LocalTime.parse(earlier.opens()).isBefore(closes)) {
                    throw Problem.invalidField(prefix + "hours[" + h + "].opens",
                            "επικαλύπτεται με άλλο διάστημα της ίδιας ημέρας", "overlaps another period of the same day");
                }
            }
        }
    }

    /**
     * Unit and service ids are one namespace for all municipalities: a declaration may reuse its own municipality's
     * (joining again after a suspension) but never take another's, which approval would otherwise overwrite.
     */
    private static Uni<Void> refuseIdsOfOthers(Declaration d) {
        List<String> units = d.units().stream().map(Declaration.Unit::id).toList();
        List<String> services = d.services().stream().map(Declaration.Service::id).toList();
        return Unit.<Unit>list("id in ?1 and municipalityCode <> ?2", units, d.code()).flatMap(taken -> {
            if (!taken.isEmpty()) {
                throw Problem.of(ProblemType.ALREADY_EXISTS).detail("Τη μονάδα «" + taken.get(0).id + "» την έχει άλλος δήμος.",
                        "Another municipality has unit '" + taken.get(0).id + "'.")
                        .with("field", "units[" + units.indexOf(taken.get(0).id) + "].id").build();
            }
            return PublicService.<PublicService>list("id in ?1 and unitId not in (select u.id from Unit u where u.municipalityCode = ?2)",
                    services, d.code());
        }).invoke(taken -> {
            if (!taken.isEmpty()) {
                throw Problem.of(ProblemType.ALREADY_EXISTS).detail("Την υπηρεσία «" + taken.get(0).id + "» την έχει άλλος δήμος.",
                        "Another municipality has service '" + taken.get(0).id + "'.")
                        .with("field", "services[" + services.indexOf(taken.get(0).id) + "].id").build();
            }
        }).replaceWithVoid();
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

}
