package gr.mydimos.registry.records;

import gr.mydimos.identifiers.TaxNumber;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import gr.mydimos.problems.types.Text;
import gr.mydimos.registry.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Municipal-registry family records (οικογενειακές μερίδες): registered in the caller's own municipality, found in any,
 * corrected by marginal notes; every record shown is logged as read, in the same transaction.
 */
@ApplicationScoped
public class FamilyShares {

    private static final Text FAMILY_RECORD = Text.of("μερίδα δημοτολογίου", "family record");

    public record ShareForm(@Positive int shareNumber,
                            @NotNull @NotEmpty @Size(max = 30) List<@Valid @NotNull Person> members) {}

    public record ShareView(UUID id, String municipality, int shareNumber, List<Person> members, int version,
                            List<Records.NoteView> notes) {
        static ShareView of(FamilyShare s, List<Records.NoteView> notes) {
            return new ShareView(s.id, s.municipalityCode, s.shareNumber, s.persons(), s.version, notes);
        }
    }

    @Inject
    Records records;

    /** Registers a household in the caller's own municipality. */
    @WithTransaction
    public Uni<FamilyShare> register(ShareForm form) {
        checkMembers(form.members());
        String municipality = records.callerMunicipality();
        return FamilyShare.count("municipalityCode = ?1 and shareNumber = ?2", municipality, form.shareNumber())
                .flatMap(existing -> {
                    if (existing > 0) {
                        throw Problems.conflict(ProblemType.ALREADY_EXISTS, "Η μερίδα " + form.shareNumber() + " του δήμου "
                                + municipality + " είναι ήδη καταχωρισμένη.", "Family record " + form.shareNumber() + " of "
                                + municipality + " is already registered.");
                    }
                    FamilyShare share = new FamilyShare();
                    records.recorded(share);
                    share.municipalityCode = municipality;
                    share.shareNumber = form.shareNumber();
                    share.setPersons(form.members());
                    return share.<FamilyShare>persist();
                });
    }

    /** By a member's tax number, or by municipality and share number. */
    @WithTransaction
    public Uni<List<ShareView>> find(String taxId, String municipality, Integer shareNumber) {
        String requestId = Records.requestId();
        Uni<List<FamilyShare>> found;
        if (taxId != null) {
            if (!TaxNumber.isValid(taxId)) {
                throw Problems.invalidTaxNumber("taxId");
            }
            found = FamilyShare.list("array_contains(taxIds, ?1) order by municipalityCode, shareNumber", taxId);
        } else if (municipality != null && shareNumber != null) {
            found = FamilyShare.list("municipalityCode = ?1 and shareNumber = ?2", municipality, shareNumber);
        } else {
            throw Problem.invalidField("taxId", "δώστε ΑΦΜ ή δήμο και αριθμό μερίδας",
                    "give a tax number, or a municipality and a share number");
        }
        return found.map(shares -> shares.stream().limit(50).toList())
                .flatMap(shares -> records.disclose(shares, requestId))
                .map(shares -> shares.stream().map(s -> ShareView.of(s, null)).toList());
    }

    @WithTransaction
    public Uni<ShareView> read(UUID id) {
        return records.show(FamilyShare.<FamilyShare>findById(id), FAMILY_RECORD, ShareView::of);
    }

    /** A correction of a member of the caller's own municipality's record: a marginal note. */
    @WithTransaction
    public Uni<Records.NoteView> correct(UUID id, Records.Correction correction) {
        // the record is locked until the correction commits: concurrent corrections are applied one after the other
        return FamilyShare.<FamilyShare>findById(id, LockModeType.PESSIMISTIC_WRITE).map(s -> Records.found(s, FAMILY_RECORD))
                .flatMap(share -> records.correct(share, correction, (field, value) -> {
                    throw Problem.invalidField("person", "ορίστε το μέλος του οποίου διορθώνεται το " + field,
                            "name the member whose " + field + " is corrected");
                }))
                .map(Records.NoteView::of);
    }

    private static void checkMembers(List<Person> members) {
        for (int i = 0; i < members.size(); i++) {
            Person m = members.get(i);
            if (!FamilyShare.RELATIONS.contains(m.role())) {
                throw Problem.invalidField("members[" + i + "].role", "ένα από " + FamilyShare.RELATIONS,
                        "one of " + FamilyShare.RELATIONS);
            }
            if (m.taxId() != null && !TaxNumber.isValid(m.taxId())) {
                throw Problems.invalidTaxNumber("members[" + i + "].taxId");
            }
        }
        if (members.stream().filter(m -> m.role().equals("HEAD")).count() != 1) {
            throw Problem.invalidField("members", "μια μερίδα έχει έναν αρχηγό (HEAD)", "a family record has one HEAD");
        }
    }
}
