package gr.mydimos.problems.types;

import java.net.URI;

/**
 * Every problem type the platform's API answers with (RFC 9457), each with the one status it is answered with and
 * its title in Greek and English. A type means one thing: a client may act on {@link #uri()} alone. The same list,
 * with what each type means and what a client does about it, is {@code docs/problems.md}.
 */
public enum ProblemType {
    // the request itself
    INVALID_FIELD("invalid-field", 400, "Μη έγκυρα στοιχεία", "Invalid input"),
    UNREADABLE_BODY("unreadable-body", 400, "Το σώμα του αιτήματος δεν είναι έγκυρο JSON", "The request body is not valid JSON"),
    MALFORMED_REQUEST("malformed-request", 400, "Μη έγκυρο αίτημα", "Malformed request"),
    NON_CANONICAL_PATH("non-canonical-path", 400, "Η διεύθυνση δεν είναι σε κανονική μορφή", "Address not in canonical form"),
    UNAUTHENTICATED("unauthenticated", 401, "Απαιτείται σύνδεση", "Sign-in required"),
    FORBIDDEN("forbidden", 403, "Δεν επιτρέπεται", "Not allowed"),
    NOT_FOUND("not-found", 404, "Δεν βρέθηκε", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Η μέθοδος δεν επιτρέπεται", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Μη αποδεκτή μορφή απάντησης", "Not acceptable"),
    BODY_TOO_SLOW("body-too-slow", 408, "Το αίτημα δεν ολοκληρώθηκε εγκαίρως", "Request body too slow"),
    BODY_TOO_LARGE("body-too-large", 413, "Το αίτημα είναι πολύ μεγάλο", "Request body too large"),
    URI_TOO_LONG("uri-too-long", 414, "Η διεύθυνση είναι πολύ μεγάλη", "Address too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Μη υποστηριζόμενη μορφή", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Το κλειδί Idempotency-Key χρησιμοποιήθηκε ήδη",
            "Idempotency-Key already used"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Πάρα πολλά αιτήματα", "Too many requests"),
    // the platform
    INTERNAL_ERROR("internal-error", 500, "Εσωτερικό σφάλμα", "Internal error"),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", 502, "Η υπηρεσία δεν είναι διαθέσιμη", "Service unavailable"),
    SERVICE_BUSY("service-busy", 503, "Η υπηρεσία είναι προσωρινά υπερφορτωμένη", "Service busy"),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", 503, "Προσωρινή αδυναμία εξυπηρέτησης", "Temporarily unavailable"),
    UPSTREAM_TIMEOUT("upstream-timeout", 504, "Η υπηρεσία δεν απάντησε εγκαίρως", "Service did not answer in time"),
    // municipalities, services and schedules
    UNKNOWN_SERVICE("unknown-service", 400, "Άγνωστος δήμος ή υπηρεσία", "Unknown municipality or service"),
    MUNICIPALITY_STATUS("municipality-status", 409, "Η ενέργεια δεν είναι δυνατή στην τρέχουσα κατάσταση του δήμου",
            "Not possible in the municipality's current status"),
    REQUEST_OPEN("request-open", 409, "Εκκρεμεί ήδη αίτημα ένταξης", "An onboarding request is already open"),
    ALREADY_DECIDED("already-decided", 409, "Το αίτημα έχει ήδη κριθεί", "The request was already decided"),
    ALREADY_EXISTS("already-exists", 409, "Υπάρχει ήδη", "Already exists"),
    SCHEDULE_CONFLICT("schedule-conflict", 409, "Η αλλαγή συγκρούεται με κλεισμένα ραντεβού",
            "The change conflicts with booked appointments"),
    EMPLOYEE_HAS_APPOINTMENTS("employee-has-appointments", 409, "Ο υπάλληλος έχει κλεισμένα ραντεβού",
            "The employee has booked appointments"),
    // bookings
    SLOT_UNAVAILABLE("slot-unavailable", 409, "Η ώρα δεν είναι πλέον διαθέσιμη", "Time no longer available"),
    BOOKING_LIMIT_REACHED("booking-limit-reached", 409, "Συμπληρώθηκε το όριο ραντεβού", "Booking limit reached"),
    BOOKING_STATUS("booking-status", 409, "Η ενέργεια δεν είναι δυνατή στην τρέχουσα κατάσταση του ραντεβού",
            "Not possible in the booking's current status"),
    CHANGED_MEANWHILE("changed-meanwhile", 409, "Το ραντεβού άλλαξε στο μεταξύ", "The booking was changed meanwhile"),
    CHANGE_CUT_OFF_PASSED("change-cut-off-passed", 409, "Το ραντεβού δεν μπορεί πλέον να αλλάξει ηλεκτρονικά",
            "Too late to change online"),
    TRANSFER_EXPIRED("transfer-expired", 409, "Η πρόταση μεταφοράς έληξε", "The proposed transfer has expired"),
    CALL_NOT_OPEN("call-not-open", 409, "Η τηλεδιάσκεψη δεν είναι ανοιχτή", "The video call is not open"),
    // the citizen registry
    NO_REGISTRY_RECORD("no-registry-record", 404, "Δεν υπάρχει εγγραφή στο μητρώο", "No registry record");

    private static final String BASE = "https://mydimos.gov.gr/problems/";

    private final String slug;
    private final int status;
    private final Text title;
    private final URI uri;

    ProblemType(String slug, int status, String titleEl, String titleEn) {
        this.slug = slug;
        this.status = status;
        this.title = new Text(titleEl, titleEn);
        this.uri = URI.create(BASE + slug);
    }

    /** The last segment of the type's URI, e.g. {@code slot-unavailable}. */
    public String slug() {
        return slug;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public Text title() {
        return title;
    }

    /** The type a client may have learnt by its URI, or null for one that is not the platform's. */
    public static ProblemType of(URI uri) {
        for (ProblemType type : values()) {
            if (type.uri.equals(uri)) {
                return type;
            }
        }
        return null;
    }
}
