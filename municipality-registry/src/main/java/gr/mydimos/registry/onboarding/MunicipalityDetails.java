package gr.mydimos.registry.onboarding;

import gr.mydimos.events.RegistryEvent;
import gr.mydimos.outbox.Outbox;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.catalogue.PublicService;
import gr.mydimos.registry.municipality.Declaration;
import gr.mydimos.registry.municipality.Municipality;
import gr.mydimos.registry.municipality.PostalArea;
import gr.mydimos.registry.municipality.Unit;
import gr.mydimos.registry.municipality.UnitHours;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;

/**
 * What a municipality keeps current after onboarding (REG-1, REG-7): how to reach it and its units, the ways it serves
 * people, its units and the postal codes it serves; each change in one transaction, published as the onboarding's
 * are, so that availability and notifications follow.
 */
@ApplicationScoped
public class MunicipalityDetails {

    public record Contact(@Size(max = 200) String address,
                          @NotNull @Size(max = 5) List<@Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "{mydimos.phone}") String> phones,
                          @Email @Size(max = 254) String email) {}

    public record UnitDetails(@Size(max = 200) String address,
                              @NotNull @Size(max = 5) List<@Pattern(regexp = "\\+?[0-9 ]{5,20}", message = "{mydimos.phone}") String> phones,
                              @Email @Size(max = 254) String email,
                              @Size(max = 500) String hoursEl, @Size(max = 500) String hoursEn) {}

    /** A postal code the municipality is competent for (REG-7), and the unit that serves it where one does. */
    public record PostalAreaForm(@NotBlank @Pattern(regexp = "[1-8][0-9]{4}", message = "{mydimos.postal-code}") String postalCode,
                                 @Size(max = 100) String unitId) {}

    /** The ways the municipality serves people (REG-1), and whether a third person may join its video calls (seed 004 Art.2§12). */
    public record Ways(@NotEmpty(message = "{mydimos.at-least-one-mode}") List<Declaration.@NotNull Mode> modes,
                       boolean thirdPartyVideoAllowed) {}

    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Void> contact(String code, Contact contact) {
        return existing(code).map(m -> {
            m.address = blankToNull(contact.address());
            m.phones = phones(contact.phones());
            m.email = blankToNull(contact.email());
            return null;
        });
        }

    /**
     * Changes the ways the municipality serves people. A way one of its services still offers is not taken away: the
     * services are named, to be changed first (each such change is checked against its booked appointments).
     * Booking-service reads the new ways within a minute (its cache of the registry).
     */
    @WithTransaction
    public Uni<Void> modes(String code, Ways ways) {
        if (ways.thirdPartyVideoAllowed() && !ways.modes().contains(Declaration.Mode.VIDEO)) {
            throw Problem.invalidField("thirdPartyVideoAllowed", "μόνο όταν ο δήμος εξυπηρετεί με τηλεδιάσκεψη",
                    "only when the municipality serves by video call");
        }
        return existing(code).flatMap(m -> {
            return PublicService.<PublicService>list("unitId in (select u.id from Unit u where u.municipalityCode = ?1) order by id", code)
                    .map(services -> {
                        for (Declaration.Mode mode : Declaration.Mode.values()) {
                            List<PublicService> offering = services.stream()
                                    .filter(s -> s.terms.modes().stream().anyMatch(d -> d.mode().name().equals(mode.name()))).toList();
                            if (!ways.modes().contains(mode) && !offering.isEmpty()) {
                                throw Problem.invalidField("modes", "εξυπηρέτηση " + mode.el + " προσφέρουν ακόμη οι υπηρεσίες: "
                                        + String.join(", ", offering.stream().map(o -> o.nameEl).toList()) + "· αλλάξτε πρώτα αυτές",
                                        "services are still offered " + mode.en + ": "
                                        + String.join(", ", offering.stream().map(o -> o.nameEn).toList()) + "; change them first");
                            }
                        }
                        m.modes = ways.modes().stream().distinct().map(Enum::name).toArray(String[]::new);
                        m.thirdPartyVideoAllowed = ways.thirdPartyVideoAllowed();
                        return null;
                    });
        });
        }

    @WithTransaction
    public Uni<Void> unit(String code, String unitId, UnitDetails details) {
        return Unit.<Unit>findById(unitId).map(u -> {
            if (u == null || !u.municipalityCode.equals(code)) {
                throw Problems.notFound("Ο δήμος «" + code + "» δεν έχει τμήμα «" + unitId + "».",
                        "Municipality '" + code + "' has no unit '" + unitId + "'.");
            }
            u.address = blankToNull(details.address());
            u.phones = phones(details.phones());
            u.email = blankToNull(details.email());
            u.hoursEl = blankToNull(details.hoursEl());
            u.hoursEn = blankToNull(details.hoursEn());
            return null;
        });
        }

    /**
     * Adds a unit (a new department) with its weekly hours; availability takes the hours from the event as it does a
     * joining municipality's, so that services moved to it can be booked.
     */
    public Uni<Void> addUnit(String code, Declaration.Unit unit) {
        // unit ids are one namespace for all municipalities: a new one carries its own, so none can take another's
        if (!unit.id().startsWith(code + "-")) {
            throw Problem.invalidField("id", "πρέπει να αρχίζει με «" + code + "-»", "must start with '" + code + "-'");
        }
        Onboarding.checkHours("", unit.hours());
        return addUnitInTransaction(code, unit)
                // the same id added twice at one instant: the second finds no row yet, the primary key refuses it
                .onFailure(ConstraintViolationException.class).transform(failure -> unitExists(unit.id()));
    }

    /** The postal codes the municipality serves: who lives there finds it by their postal code in the portal. */
    @WithSession
    public Uni<List<PostalAreaForm>> postalAreas(String code) {
        return PostalArea.<PostalArea>list("municipalityCode = ?1 order by postalCode", code)
                .map(areas -> areas.stream().map(a -> new PostalAreaForm(a.postalCode, a.unitId)).toList());
        }

    /**
     * Replaces the postal codes the municipality is competent for. A code belongs to one municipality: one another
     * already serves is refused, naming it (the central administration settles who serves it).
     */
    @WithTransaction
    public Uni<Void> postalAreas(String code, List<PostalAreaForm> areas) {
        for (int i = 0; i < areas.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (areas.get(j).postalCode().equals(areas.get(i).postalCode())) {
                    throw Problem.invalidField("[" + i + "].postalCode", "δίνεται δύο φορές", "is given twice");
                }
            }
        }
        List<String> codes = areas.stream().map(PostalAreaForm::postalCode).toList();
        return Unit.<Unit>list("municipalityCode", code).flatMap(units -> {
            List<String> ours = units.stream().map(u -> u.id).toList();
            for (int i = 0; i < areas.size(); i++) {
                String unit = areas.get(i).unitId();
                if (unit != null && !unit.isBlank() && !ours.contains(unit)) {
                    throw Problem.invalidField("[" + i + "].unitId", "δεν είναι μονάδα του δήμου", "is not a unit of the municipality");
                }
            }
            return codes.isEmpty() ? Uni.createFrom().item(List.<PostalArea>of())
                    : PostalArea.<PostalArea>list("postalCode in ?1 and municipalityCode <> ?2", codes, code);
        }).flatMap(taken -> {
            if (!taken.isEmpty()) {
                throw Problems.conflict(ProblemType.ALREADY_EXISTS,
                        "Τον ταχυδρομικό κώδικα " + taken.get(0).postalCode + " τον εξυπηρετεί ήδη άλλος δήμος.",
                        "Another municipality already serves postal code " + taken.get(0).postalCode + ".");
            }
            return PostalArea.delete("municipalityCode", code);
        }).flatMap(deleted -> PostalArea.persist(areas.stream().map(a -> {
            PostalArea area = new PostalArea();
            area.postalCode = a.postalCode();
            area.municipalityCode = code;
            area.unitId = blankToNull(a.unitId());
            return area;
        }).toList())).call(() -> Panache.getSession().flatMap(session -> session.flush())).replaceWithVoid();
        }

    @WithTransaction
    Uni<Void> addUnitInTransaction(String code, Declaration.Unit declared) {
        return existing(code).flatMap(m -> {
            return Unit.<Unit>findById(declared.id()).flatMap(existing -> {
                if (existing != null) {
                    throw unitExists(declared.id());
                }
                Unit unit = new Unit();
                unit.id = declared.id();
                unit.municipalityCode = code;
                unit.nameEl = declared.nameEl().strip();
                unit.nameEn = declared.nameEn().strip();
                unit.address = blankToNull(declared.address());
                unit.phones = declared.phones() == null ? new String[0] : phones(declared.phones());
                unit.email = blankToNull(declared.email());
                List<UnitHours> hours = declared.hours().stream().map(h -> {
                    UnitHours period = new UnitHours();
                    period.unitId = unit.id;
                    period.dayOfWeek = (short) h.day();
                    period.opens = LocalTime.parse(h.opens());
                    period.closes = LocalTime.parse(h.closes());
                    return period;
                }).toList();
                RegistryEvent event = RegistryEvent.of(RegistryEvent.UNIT_ADDED, clock.instant(), new RegistryEvent.Municipality(
                        m.code, m.nameEl, m.nameEn, List.of(m.modes), List.of(new RegistryEvent.Unit(unit.id,
                        declared.hours().stream().map(h -> new RegistryEvent.Hours(h.day(), h.opens(), h.closes())).toList()))));
                return unit.persist().call(() -> UnitHours.persist(hours))
                        .call(() -> outbox.add(RegistryEvent.TOPIC, code, event.type(), event.eventId(), event.occurredAt(), event))
                        .replaceWithVoid();
            });
        });
    }

    private static Uni<Municipality> existing(String code) {
        return Municipality.<Municipality>findById(code).invoke(m -> {
            if (m == null) {
                throw Problems.notFound("Δεν υπάρχει δήμος «" + code + "».", "No municipality '" + code + "'.");
            }
        });
    }

    private static Problem unitExists(String id) {
        return Problem.of(ProblemType.ALREADY_EXISTS).detail("Υπάρχει ήδη μονάδα «" + id + "».", "A unit '" + id + "' exists.")
                .with("field", "id").build();
    }

    private static String[] phones(List<String> phones) {
        return phones.stream().map(String::strip).toArray(String[]::new);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
