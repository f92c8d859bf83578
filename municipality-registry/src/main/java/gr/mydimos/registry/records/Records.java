package gr.mydimos.registry.records;

import gr.mydimos.acting.ActingMunicipality;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * What every record goes through, whatever its kind: disclosure to a reader (logged in the same transaction, so that
 * no record is read without a trace), and correction by a marginal note (only by the keeping municipality's clerks).
 * Callers run these inside a transaction.
 */
@ApplicationScoped
public class Records {

    /** A correction as a clerk enters it; person is the index in the record's list, none for a field of the record. */
    public record Correction(@PositiveOrZero Integer person, @NotBlank String field, @Size(max = 500) String value,
                             @NotBlank @Size(max = 500) String reason) {}

    public record NoteView(int version, String field, String oldValue, String newValue, String reason, Instant notedAt,
                           String notedBy) {
        static NoteView of(MarginalNote n) {
            return new NoteView(n.version, n.field, n.oldValue, n.newValue, n.reason, n.notedAt, n.notedBy);
        }
    }

    @Inject
    Clock clock;
    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    ActingMunicipality acting;

    /** The caller as the log and the notes name them: a user name, or the client of an accredited body. */
    public String caller() {
        String user = token.getClaim("preferred_username");
        return user != null ? user : identity.getPrincipal().getName();
    }

    /** The municipality the signed-in clerk works for; a clerk's token without one is refused. */
    public String callerMunicipality() {
        return acting.required();
    }

    /** Logs that the caller was shown these records; the request id captured on the request's thread. */
    public <R extends KeptRecord> Uni<List<R>> disclose(List<R> records, String requestId) {
        if (records.isEmpty()) {
            return Uni.createFrom().item(records); // a search that found nothing disclosed nothing (Panache refuses to persist no rows)
        }
        Instant now = clock.instant();
        String reader = caller();
        String readerMunicipality = acting.code();
        List<RecordRead> reads = records.stream().map(r -> {
            RecordRead read = new RecordRead();
            read.readAt = now;
            read.reader = reader;
            read.readerMunicipality = readerMunicipality;
            read.recordKind = r.kind();
            read.recordId = r.id;
            read.requestId = requestId;
            return read;
        }).toList();
        return RecordRead.persist(reads).replaceWith(records);
    }

    public static String requestId() {
        Object id = MDC.get("requestId");
        return id == null ? null : id.toString();
    }

    /** One record shown to the caller with its marginal notes; the read is logged. Call on the request's thread. */
    public <R extends KeptRecord, V> Uni<V> show(Uni<R> record, Text what, BiFunction<R, List<NoteView>, V> view) {
        String requestId = requestId();
        return record.map(r -> found(r, what))
                .flatMap(r -> disclose(List.of(r), requestId).replaceWith(r))
                .flatMap(r -> notes(r).map(notes -> view.apply(r, notes)));
    }

    private Uni<List<NoteView>> notes(KeptRecord record) {
        return MarginalNote.<MarginalNote>list("recordKind = ?1 and recordId = ?2 order by version", record.kind(), record.id)
                .map(notes -> notes.stream().map(NoteView::of).toList());
    }

    /** Fails with 404 for a missing record. */
    public static <R extends KeptRecord> R found(R record, Text what) {
        if (record == null) {
            throw Problems.notFound(what);
        }
        return record;
    }

    /** Records of another municipality may be read, but changed only by the clerks of the one that keeps them. */
    public void mayChange(KeptRecord record) {
        if (!record.keptBy().equals(callerMunicipality())) {
            throw Problems.forbidden("municipality", "Μόνο οι υπάλληλοι του δήμου " + record.keptBy()
                    + ", ο οποίος τηρεί την εγγραφή, μπορούν να την αλλάξουν.",
                    "Only clerks of " + record.keptBy() + ", which keeps this record, may change it.");
        }
    }

    /**
     * Corrects one field and adds the marginal note that keeps the replaced value; the record's version goes up.
     * recordField handles fields of the record itself (person == null): it applies the value and returns the old one.
     */
    public Uni<MarginalNote> correct(KeptRecord record, Correction correction,
                                     BiFunction<String, String, String> recordField) {
        mayChange(record);
        String field;
        String old;
        try {
            if (correction.person() == null) {
                field = correction.field();
                old = recordField.apply(correction.field(), correction.value());
            } else {
                if (correction.person() >= record.persons().size()) {
                    throw Problem.invalidField("person", "δεν υπάρχει τέτοιο πρόσωπο στην εγγραφή (πλήθος προσώπων: " + record.persons().size() + ")",
                            "the record names " + record.persons().size() + " persons");
                }
                Person person = record.persons().get(correction.person());
                if (!Person.CORRECTABLE.contains(correction.field())) {
                    throw Problem.invalidField("field", "ένα από " + Person.CORRECTABLE, "one of " + Person.CORRECTABLE);
                }
                field = "persons[" + correction.person() + "]." + correction.field();
                old = person.get(correction.field());
                List<Person> persons = new ArrayList<>(record.persons());
                persons.set(correction.person(), person.with(correction.field(), correction.value()));
                record.setPersons(persons);
            }
        } catch (Person.InvalidValue e) {
            throw Problem.invalidField(e.field, e.expected.el(), e.expected.en());
        }
        record.version++;
        MarginalNote note = new MarginalNote();
        note.id = UUID.randomUUID();
        note.recordKind = record.kind();
        note.recordId = record.id;
        note.version = record.version;
        note.field = field;
        note.oldValue = old;
        note.newValue = correction.value() == null || correction.value().isBlank() ? null : correction.value().strip();
        note.reason = correction.reason().strip();
        note.notedAt = clock.instant();
        note.notedBy = caller();
        note.municipalityCode = record.keptBy();
        return note.<MarginalNote>persist();
    }

    void recorded(KeptRecord record) {
        record.id = UUID.randomUUID();
        record.version = 1;
        record.recordedAt = clock.instant();
        record.recordedBy = caller();
    }
}
