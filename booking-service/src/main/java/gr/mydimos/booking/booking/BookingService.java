package gr.mydimos.booking.booking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import gr.mydimos.booking.BookingConfig;
import gr.mydimos.booking.Mode;
import gr.mydimos.booking.Problems;
import gr.mydimos.booking.availability.Availability;
import gr.mydimos.booking.catalogue.Catalogue;
import gr.mydimos.events.BookingEvent;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/** Creating and reading bookings. */
@ApplicationScoped
public class BookingService {

    /** The outcome of a create: the booking, and whether an earlier request with the same key had made it. */
    public record Created(BookingView booking, boolean replayed) {}

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Inject
    Catalogue catalogue;
    @Inject
    Availability availability;
    @Inject
    References references;
    @Inject
    BookingConfig config;
    @Inject
    Clock clock;
    @Inject
    BookingEvents events;
    @Inject
    BookingLimits limits;
    @Inject
    ObjectMapper json;
    @Inject
    BookingViews views;

    /**
     * Reserves the time under the new reference, then commits booking and event together. Reserving before the commit
     * means a booking never exists without its reservation; if the commit fails the reservation is given back.
     */
    public Uni<Created> create(BookingRequest request, Caller caller, String idempotencyKey) {
        Booking.Channel channel = channelFor(request, caller);
        String phone = normalisedPhone(request.person().phone());
        BookingRequest.SpecialRequirements needs = request.requirements();
        if (needs.thirdPartyEmail() != null && request.mode() != Mode.VIDEO) {
            throw Problem.invalidField("specialRequirements.thirdPartyEmail",
                    "τρίτο πρόσωπο συμμετέχει μόνο σε βιντεοκλήσεις", "a third person can join video calls only");
        }
        // the per-person limit and "my bookings" rest on the tax number the sign-in vouches for: no tax number, no booking
        if (caller.isCitizen() && (caller.taxId() == null || caller.taxId().isBlank())) {
            throw Problems.forbidden("afm", "Για να κλείσετε ραντεβού, συνδεθείτε με τους κωδικούς σας Taxisnet.",
                    "A citizen signs in with their tax number (TaxisNet) to book.");
        }
        if (caller.isBusinessRepresentative() && (caller.businessTaxId() == null || caller.businessTaxId().isBlank())) {
            throw Problems.forbidden("business_afm", "Ο εκπρόσωπος επιχείρησης συνδέεται με τον ΑΦΜ της επιχείρησης.",
                    "A business's representative signs in with the business's tax number.");
        }
        if (request.limitOverrideReason() != null && !caller.isClerk()) {
            throw Problems.forbidden("limitOverrideReason", "Μόνο υπάλληλος μπορεί να υπερβεί το όριο ραντεβού ανά πρόσωπο.",
                    "Only a clerk may exceed the per-person limit.");
        }
        String requestHash = hash(request);
        return findByKey(caller, idempotencyKey).flatMap(existing -> existing != null
                ? replay(existing, requestHash)
                : catalogue.require(request.municipality(), request.service(), request.mode())
                .flatMap(offer -> {
                    if (needs.thirdPartyEmail() != null && !offer.municipality().thirdPartyVideoAllowed()) {
                        throw Problem.invalidField("specialRequirements.thirdPartyEmail",
                                "αυτός ο δήμος δεν δέχεται τρίτο πρόσωπο στις βιντεοκλήσεις",
                                "this municipality does not allow a third person in video calls");
                    }
                    String reference = references.bookingReference();
                    Availability.Wanted wanted = new Availability.Wanted(request.municipality(), request.service(),
                            request.mode(), request.start(), blankToNull(request.employee()), null,
                            caller.assignsEmployeesOf(request.municipality()));
                    return availability.reserveFor(reference, wanted, reservation -> {
                                Booking booking = newBooking(request, caller, channel, phone, reference, reservation, offer,
                                        idempotencyKey, requestHash);
                                BookingEvent event = events.of(BookingEvent.CONFIRMED, booking, offer, null);
                                // the limit is counted under a per-person lock, so two parallel requests cannot both pass;
                                // not counted before the reservation: a person over the limit is the rare case, and
                                // what they held is given back when this fails
                                return Panache.withTransaction(() -> limits.lockAndCheck(request, caller, booking.ownerTaxId)
                                                .call(booking::persist)
                                                .call(() -> events.add(event)))
                                        .replaceWith(new Created(BookingView.of(booking, config.zone(),
                                                BookingEvents.documents(offer), config.changeCutOff(), null), false));
                            })
                            // a person at their limit is told so, even when the time was taken as well
                            .onFailure(f -> f instanceof Problem p && p.getType() == ProblemType.SLOT_UNAVAILABLE)
                            .recoverWithUni(taken -> limits.check(request, caller, ownerTaxId(request, caller))
                                    .onFailure(f -> !(f instanceof Problem)).recoverWithNull() // could not count: the time is still taken
                                    .flatMap(underLimit -> Uni.createFrom().failure(taken)))
                            .onFailure(ConstraintViolationException.class)
                            .recoverWithUni(() -> replayAfterRace(caller, idempotencyKey, requestHash));
                }));
    }

    /** A booking the caller may see; see {@link #requireVisible}. */
    public Uni<BookingView> find(String reference, Caller caller) {
        return visible(reference, caller).flatMap(this::view);
    }

    /** The booking by its reference, read in its own session, if the caller may see it. */
    public static Uni<Booking> visible(String reference, Caller caller) {
        return Panache.withSession(() -> Booking.<Booking>find("reference", reference).firstResult())
                .invoke(b -> requireVisible(b, reference, caller));
    }

    /**
     * A citizen sees their own bookings and gets a 404 for any other reference (nothing to learn from guessing);
     * staff see their municipality's and get a 403 for another's (central admins see all).
     */
    static void requireVisible(Booking b, String reference, Caller caller) {
        if (b == null || caller.isCitizen() && !visibleTo(b, caller)) {
            throw Problems.notFound();
        }
        if (!visibleTo(b, caller)) {
            throw Problems.forbidden("reference", "Το ραντεβού ανήκει σε άλλον δήμο.", "The booking belongs to another municipality.");
        }
    }

    /** The caller's own bookings, next first. */
    public Uni<List<BookingView>> mine(Caller caller) {
        return Panache.withSession(() -> caller.taxId() != null
                        ? Booking.<Booking>find("ownerTaxId = ?1 or createdBy = ?2 order by startsAt", caller.taxId(),
                        caller.subject()).list()
                        : Booking.<Booking>find("createdBy = ?1 order by startsAt", caller.subject()).list())
                .flatMap(views::of);
    }

    /** A person's bookings that the staff caller may see: their municipality's (every one for a central admin). */
    public Uni<List<BookingView>> ofPerson(String taxId, Caller caller) {
        return Panache.withSession(() -> caller.isCentralAdmin()
                        ? Booking.<Booking>find("ownerTaxId = ?1 order by startsAt", taxId).list()
                        : Booking.<Booking>find("ownerTaxId = ?1 and municipalityCode = ?2 order by startsAt", taxId,
                        caller.municipality()).list())
                .flatMap(views::of);
    }

    static boolean visibleTo(Booking b, Caller caller) {
        if (caller.isCitizen()) {
            return caller.subject().equals(b.createdBy) || (caller.taxId() != null && caller.taxId().equals(b.ownerTaxId));
        }
        return caller.isCentralAdmin() || b.municipalityCode.equals(caller.municipality());
    }

    private Uni<Booking> findByKey(Caller caller, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> Booking.<Booking>find("createdBy = ?1 and idempotencyKey = ?2",
                caller.subject(), idempotencyKey).firstResult());
    }

    /** Two requests with one key raced: the unique constraint let one through; answer with that one. */
    private Uni<Created> replayAfterRace(Caller caller, String idempotencyKey, String requestHash) {
        return findByKey(caller, idempotencyKey).flatMap(existing -> {
            if (existing == null) {
                return Uni.createFrom().failure(Problems.slotUnavailable("Δεν ήταν δυνατή η καταχώριση του ραντεβού· δοκιμάστε ξανά.",
                    "The booking could not be stored; please try again."));
            }
            return replay(existing, requestHash);
        });
    }

    /** The first answer again, for the same request; a key reused for a different request is refused. */
    private Uni<Created> replay(Booking existing, String requestHash) {
        if (existing.requestHash != null && !existing.requestHash.equals(requestHash)) {
            return Uni.createFrom().failure(Problems.keyReused());
        }
        return view(existing).map(view -> new Created(view, true));
    }

    private String hash(BookingRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whose booking it is: the citizen booking for themselves, or the caller whose tax number a clerk entered. */
    private static String ownerTaxId(BookingRequest request, Caller caller) {
        if (caller.isCitizen()) {
            return request.onBehalfOfOther() ? null : caller.taxId();
        }
        return blankToNull(request.person().taxId());
    }

    private Uni<BookingView> view(Booking b) {
        return views.of(b);
    }

    private Booking newBooking(BookingRequest request, Caller caller, Booking.Channel channel, String phone,
                               String reference, Availability.Reservation reservation, Catalogue.Offer offer,
                               String idempotencyKey, String requestHash) {
        Instant now = clock.instant();
        Booking b = new Booking();
        b.id = UUID.randomUUID();
        b.reference = reference;
        b.status = Booking.Status.CONFIRMED;
        b.channel = channel;
        b.municipalityCode = request.municipality();
        b.serviceId = request.service();
        b.unitId = offer.service().unitId();
        b.mode = request.mode();
        b.employeeId = reservation.employee();
        b.reservationId = reservation.id();
        b.startsAt = reservation.start().toInstant();
        b.endsAt = reservation.end().toInstant();
        b.personFullName = request.person().fullName().strip();
        b.personEmail = request.person().email().strip();
        b.personPhone = phone;
        b.onBehalfOfOther = request.onBehalfOfOther();
        b.bookerEmail = request.onBehalfOfOther() && caller.isCitizen() && caller.email() != null
                && !caller.email().equalsIgnoreCase(b.personEmail) ? caller.email() : null;
        b.signLanguage = request.requirements().signLanguage();
        b.lipReading = request.requirements().lipReading();
        b.thirdPartyEmail = request.requirements().thirdPartyEmail();
        b.language = request.language() == null ? "el" : request.language();
        if (request.mode() == Mode.VIDEO) {
            b.videoToken = references.videoToken();
            b.videoLink = config.videoBaseUrl() + "/" + b.videoToken;
            b.thirdPartyVideoToken = b.thirdPartyEmail == null ? null : references.videoToken();
            b.interpreterVideoToken = b.signLanguage ? references.videoToken() : null;
        }
        b.declarationVersion = config.declarationVersion();
        b.declarationAcceptedAt = now;
        b.createdBy = caller.subject();
        b.createdByRealm = caller.realm();
        b.ownerTaxId = ownerTaxId(request, caller);
        b.businessTaxId = caller.isBusinessRepresentative() ? caller.businessTaxId() : null;
        b.idempotencyKey = idempotencyKey;
        b.requestHash = requestHash;
        b.limitOverrideReason = request.limitOverrideReason();
        b.createdAt = now;
        return b;
    }

    private static Booking.Channel channelFor(BookingRequest request, Caller caller) {
        if (caller.isCitizen()) {
            if (request.channel() != null && request.channel() != Booking.Channel.ONLINE) {
                throw Problems.forbidden("channel", "Μόνο οι υπάλληλοι κλείνουν ραντεβού τηλεφωνικά ή στο γκισέ.",
                    "Only clerks book by phone or at the counter.");
            }
            return Booking.Channel.ONLINE;
        }
        if (caller.isClerk()) {
            if (request.channel() != Booking.Channel.PHONE && request.channel() != Booking.Channel.COUNTER) {
                throw Problem.invalidField("channel", "ο υπάλληλος κλείνει ραντεβού με κανάλι PHONE ή COUNTER",
                    "a clerk books with channel PHONE or COUNTER");
            }
            if (!request.municipality().equals(caller.municipality())) {
                throw Problems.forbidden("municipality", "Ο υπάλληλος κλείνει ραντεβού μόνο στον δικό του δήμο.",
                    "A clerk books only for their own municipality.");
            }
            return request.channel();
        }
        throw Problems.forbidden("channel", "Ο ρόλος σας δεν επιτρέπει την κράτηση ραντεβού.", "This role cannot create bookings.");
    }

    /** Greek mobiles and landlines without a prefix, any country with one; stored as E.164. */
    private static String normalisedPhone(String phone) {
        try {
            var parsed = PHONES.parse(phone, "GR");
            if (!PHONES.isValidNumber(parsed)) {
                throw Problem.invalidField("person.phone", "δεν είναι έγκυρος αριθμός τηλεφώνου", "not a valid phone number");
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw Problem.invalidField("person.phone", "δεν είναι έγκυρος αριθμός τηλεφώνου", "not a valid phone number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
