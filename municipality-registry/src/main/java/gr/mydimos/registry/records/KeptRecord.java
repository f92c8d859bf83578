package gr.mydimos.registry.records;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What civil acts and family records have in common: the persons they name, the municipality that keeps them (whose
 * clerks alone may change them), and a version that every correction raises, so that a certificate issued from an
 * earlier version can be told apart.
 */
@MappedSuperclass
public abstract class KeptRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    /** A JSON object, not an array: Hibernate Reactive reads jsonb through Vert.x's JsonObject. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Persons persons;
    /** The persons' tax numbers, repeated for the search (a GIN index). */
    public String[] taxIds;
    public int version;
    public Instant recordedAt;
    public String recordedBy;

    public abstract String keptBy();

    public abstract MarginalNote.RecordKind kind();

    public record Persons(List<Person> persons) {}

    public List<Person> persons() {
        return persons.persons();
    }

    void setPersons(List<Person> persons) {
        this.persons = new Persons(List.copyOf(persons));
        this.taxIds = persons.stream().map(Person::taxId).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }
}
