package gr.mydimos.availability.planning;

import gr.mydimos.availability.Problems;
import gr.mydimos.availability.calendar.NationalClosure;
import gr.mydimos.problems.Problem;
import gr.mydimos.problems.types.ProblemType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Closures the state declares for every municipality at once (AV-2), each declaration and withdrawal in one transaction
 * that refuses it, with every booking it would strand, rather than applying it (AV-7).
 */
@ApplicationScoped
public class NationalClosures {

    public record ClosureRequest(@NotNull LocalDate day, @NotBlank @Size(max = 200) String nameEl,
                                 @NotBlank @Size(max = 200) String nameEn, LocalDate movedFrom) {}

    public record ClosureView(long id, LocalDate day, String nameEl, String nameEn, LocalDate movedFrom) {
        static ClosureView of(NationalClosure c) {
            return new ClosureView(c.id, c.day, c.nameEl, c.nameEn, c.movedFrom);
        }
    }

    @Inject
    ScheduleConflicts conflicts;

    @WithSession
    public Uni<List<ClosureView>> list() {
        return NationalClosure.<NationalClosure>listAll(Sort.by("day")).map(all -> all.stream().map(ClosureView::of).toList());
    }

    /** declaredBy: who declares it, kept with it. */
    @WithTransaction
    public Uni<ClosureView> declare(ClosureRequest request, String declaredBy) {
        if (request.day().equals(request.movedFrom())) {
            throw Problem.invalidField("movedFrom", "πρέπει να διαφέρει από την ημέρα (day)", "must differ from 'day'");
        }
        return NationalClosure.count("day", request.day()).flatMap(existing -> {
            if (existing > 0) {
                throw Problems.conflict(ProblemType.ALREADY_EXISTS, "Η ημερομηνία " + request.day()
                        + " έχει ήδη καταχωριστεί ως ημέρα κλεισίματος σε όλη τη χώρα.", request.day() + " is already a national closure.");
            }
            // opening the day a holiday moved from strands nothing; closing the new day may
            return conflicts.guardDays(Set.of(request.day()), () -> {
                NationalClosure closure = new NationalClosure();
                closure.day = request.day();
                closure.nameEl = request.nameEl().strip();
                closure.nameEn = request.nameEn().strip();
                closure.movedFrom = request.movedFrom();
                closure.declaredBy = declaredBy;
                return closure.<NationalClosure>persist();
            });
        }).map(ClosureView::of);
    }

    @WithTransaction
    public Uni<Void> withdraw(long id) {
        return NationalClosure.<NationalClosure>findById(id).flatMap(c -> {
            if (c == null) {
                throw Problems.notFound("id", "Δεν υπάρχει ημέρα κλεισίματος σε όλη τη χώρα με αναγνωριστικό " + id + ".", "No national closure " + id + ".");
            }
            // the day a moved holiday came from closes again when the move is withdrawn
            return c.movedFrom == null ? c.delete() : conflicts.guardDays(Set.of(c.movedFrom), c::delete);
        });
    }
}
