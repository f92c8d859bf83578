package gr.mydimos.registry.municipality;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A municipality that offers appointments (REG-1); only ACTIVE ones can be booked. */
@Entity
public class Municipality extends PanacheEntityBase {

    public enum Status { PENDING, ACTIVE, SUSPENDED }

    @Id
    public String code;
    public String nameEl;
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String address;
    public String[] phones;
    public String email;
    public String[] modes;
    public boolean thirdPartyVideoAllowed;
    /** When it last joined the platform, and the act that approved it (seed 004 Art.6§3). */
    public Instant joinedAt;
    public String joiningActNumber;
    public LocalDate joiningActDate;
    /** Names and code folded for search; computed by the database. */
    @Column(insertable = false, updatable = false)
    public String searchText;
}
