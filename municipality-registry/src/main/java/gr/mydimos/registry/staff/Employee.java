package gr.mydimos.registry.staff;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A municipal employee who serves appointments: unit, services served, desk (REG-5). */
@Entity
public class Employee extends PanacheEntityBase {
    @Id
    public String id;
    public String municipalityCode;
    public String unitId;
    public String displayName;
    public String[] serviceIds;
    public String desk;
    public boolean active;
    /** Tax number (ΑΦΜ): what links the employee to their sign-in account; null for one without an account. */
    public String taxId;
    public String email;
    /** The sign-in roles their municipality granted them (clerk, the registry duties, municipal-admin). */
    public String[] roles = new String[0];
    /** Their account in the employees' realm. */
    public String accountId;
}
