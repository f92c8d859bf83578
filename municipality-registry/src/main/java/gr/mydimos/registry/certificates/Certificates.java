package gr.mydimos.registry.certificates;

import gr.mydimos.problems.Problem;
import gr.mydimos.registry.Problems;
import gr.mydimos.registry.records.CivilAct;
import gr.mydimos.registry.records.FamilyShare;
import gr.mydimos.registry.records.KeptRecord;
import gr.mydimos.registry.records.MarginalNote;
import gr.mydimos.registry.records.Person;
import gr.mydimos.registry.records.Records;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues certificates from the Citizen Registry to a signed-in citizen, for themselves or for a minor child of their
 * family record: finds the record, logs its disclosure, renders the PDF and keeps it with the record's version.
 * Callers run it in a transaction.
 */
@ApplicationScoped
public class Certificates {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<String> COLUMNS = List.of("role", "lastName", "firstName", "fatherName", "motherName",
            "birthDate");

    /** What the citizen asks for; subjectTaxId is a minor child's, or none for themselves. */
    public record Request(Certificate.Type type, String language, String subjectTaxId, UUID actId,
                          boolean showHolderName) {}

    @Inject
    Records records;
    @Inject
    CertificatePdf pdf;
    @Inject
    Municipalities municipalities;
    @Inject
    Clock clock;
    @ConfigProperty(name = "registry.certificates.verification-url")
    String verificationUrl;
    @ConfigProperty(name = "registry.certificates.time-zone", defaultValue = "Europe/Athens")
    ZoneId zone;
    @ConfigProperty(name = "registry.certificates.adult-age", defaultValue = "18")
    int adultAge;

    private final SecureRandom random = new SecureRandom();

    /** At a registry counter: the clerk who issues it and the municipality they act for. */
    public record Counter(String clerk, String municipality) {}

    @WithTransaction
    public Uni<Certificate> issue(String citizenTaxId, Request request) {
        return issue(citizenTaxId, request, null);
    }

    @WithTransaction
    public Uni<Certificate> issue(String citizenTaxId, Request request, Counter counter) {
        String subject = request.subjectTaxId() == null ? citizenTaxId : request.subjectTaxId();
        String requestId = Records.requestId();
        return mayRequestFor(citizenTaxId, subject)
                .flatMap(ignored -> source(request, subject))
                .flatMap(record -> records.disclose(List.of(record), requestId).replaceWith(record))
                .flatMap(record -> MarginalNote.count("recordKind = ?1 and recordId = ?2", record.kind(), record.id)
                        .flatMap(notes -> content(request, subject, record, notes.intValue()))
                        .flatMap(content -> {
                            Certificate certificate = new Certificate();
                            certificate.code = newCode();
                            certificate.type = request.type();
                            certificate.language = request.language();
                            certificate.recordKind = record.kind();
                            certificate.recordId = record.id;
                            certificate.recordVersion = record.version;
                            certificate.subjectTaxId = subject;
                            certificate.requestedBy = citizenTaxId;
                            certificate.issuedAt = clock.instant();
                            if (counter != null) {
                                certificate.issuedBy = counter.clerk();
                                certificate.issuedAtMunicipality = counter.municipality();
                            }
                            Person holder = person(record, subject);
                            certificate.holderNameShown = request.showHolderName()
                                    ? holder.firstName() + " " + holder.lastName() : null;
                            certificate.pdf = pdf.render(content, certificate.code,
                                    DATE_TIME.format(certificate.issuedAt.atZone(zone)), verificationUrl + certificate.code);
                            return certificate.<Certificate>persist();
                        }));
    }

    /** Oneself, or a minor child in a family record where one is the head or the spouse. */
    private Uni<Void> mayRequestFor(String citizen, String subject) {
        if (subject.equals(citizen)) {
            return Uni.createFrom().voidItem();
        }
        LocalDate adultsBornBefore = LocalDate.now(clock.withZone(zone)).minusYears(adultAge);
        return FamilyShare.<FamilyShare>list("array_contains(taxIds, ?1)", citizen).map(shares -> {
            boolean parent = shares.stream().anyMatch(share -> share.persons().stream().anyMatch(
                    p -> citizen.equals(p.taxId()) && List.of("HEAD", "SPOUSE").contains(p.role()))
                    && share.persons().stream().anyMatch(p -> subject.equals(p.taxId()) && "CHILD".equals(p.role())
                    && p.birthDate() != null && p.birthDate().isAfter(adultsBornBefore)));
            if (!parent) {
                throw Problems.forbidden("subjectTaxId", "Πιστοποιητικό μπορεί να ζητήσει μόνο ο ίδιος ο ενδιαφερόμενος ή γονέας για ανήλικο τέκνο του.",
                        "Certificates are issued to the person, or to a parent for a minor child.");
            }
            return null;
        });
    }

    private Uni<? extends KeptRecord> source(Request request, String subject) {
        if (request.type() == Certificate.Type.CIVIL_ACT_EXTRACT) {
            if (request.actId() == null) {
                throw Problem.invalidField("actId", "ένα απόσπασμα ληξιαρχικής πράξης ορίζει την πράξη", "an extract names the act");
            }
            return CivilAct.<CivilAct>findById(request.actId())
                    .map(act -> first(Stream.ofNullable(act).filter(a -> List.of(a.taxIds).contains(subject))));
        }
        return recordFor(request.type(), subject).map(record -> first(Stream.ofNullable(record)));
    }

    /**
     * The record a certificate of this type about the person is drawn from, or null if the registry holds none.
     * Not for extracts, which name their act.
     */
    public Uni<KeptRecord> recordFor(Certificate.Type type, String taxId) {
        return switch (type) {
            case FAMILY_STATUS, MUNICIPAL_REGISTRATION -> FamilyShare.current(taxId).map(KeptRecord.class::cast);
            case BIRTH -> CivilAct.naming(taxId)
                    .map(acts -> acts.stream().filter(a -> a.kind == CivilAct.Kind.BIRTH && a.persons().stream()
                            .anyMatch(p -> "CHILD".equals(p.role()) && taxId.equals(p.taxId()))).findFirst().orElse(null));
            case CIVIL_ACT_EXTRACT -> throw new IllegalArgumentException("an extract names its act");
        };
    }

    private static <R extends KeptRecord> R first(Stream<R> found) {
        return found.findFirst().orElseThrow(() -> Problems.noRegistryRecord(
                "Το Μητρώο Πολιτών δεν έχει τέτοια εγγραφή για αυτό το πρόσωπο· μπορεί να σας βοηθήσει το ληξιαρχείο ή το δημοτολόγιο.",
                "The Citizen Registry holds no such record for this person; the registry office can help."));
    }

    private Uni<CertificatePdf.Content> content(Request request, String subject, KeptRecord record, int notes) {
        return municipalities.names(record.keptBy()).map(names -> {
            // the record's keeper is a municipality of the platform; its code stands in should its names be gone
            String body = names == null ? record.keptBy() : "en".equals(request.language()) ? names.en() : names.el();
            Person holder = person(record, subject);
            return switch (request.type()) {
                case FAMILY_STATUS -> new CertificatePdf.Content(request.type(), request.language(), body,
                        new Object[] {String.valueOf(((FamilyShare) record).shareNumber), body}, COLUMNS,
                        record.persons().stream().map(Certificates::row).toList(), notes);
                case MUNICIPAL_REGISTRATION -> new CertificatePdf.Content(request.type(), request.language(), body,
                        new Object[] {String.valueOf(((FamilyShare) record).shareNumber), body}, COLUMNS, List.of(row(holder)), notes);
                case BIRTH, CIVIL_ACT_EXTRACT -> {
                    CivilAct act = (CivilAct) record;
                    Object[] statement = {String.valueOf(act.actNumber), act.volume, String.valueOf(act.year), body,
                            DATE.format(act.eventDate), act.eventPlace,
                            CertificatePdf.text(request.language()).getString("kind." + act.kind)};
                    List<List<String>> rows = request.type() == Certificate.Type.BIRTH
                            ? List.of(row(holder)) : act.persons().stream().map(Certificates::row).toList();
                    yield new CertificatePdf.Content(request.type(), request.language(), body, statement, COLUMNS, rows, notes);
                }
            };
        });
    }

    private static Person person(KeptRecord record, String taxId) {
        return record.persons().stream().filter(p -> taxId.equals(p.taxId())).findFirst().orElseThrow();
    }

    private static List<String> row(Person p) {
        return Stream.of(p.role(), p.lastName(), p.firstName(), p.fatherName(), p.motherName(),
                p.birthDate() == null ? null : DATE.format(p.birthDate())).map(v -> Objects.toString(v, "")).toList();
    }

    private String newCode() {
        char[] code = new char[12];
        for (int i = 0; i < code.length; i++) {
            code[i] = CROCKFORD[random.nextInt(CROCKFORD.length)];
        }
        return new String(code);
    }
}
