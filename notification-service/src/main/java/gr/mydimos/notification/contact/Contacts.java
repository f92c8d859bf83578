package gr.mydimos.notification.contact;

import gr.mydimos.notification.NotificationConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Where and how a person reaches the office of their appointment (NT-1), read from the registry and kept for
 * {@code notification.registry.refresh-after}. When the registry cannot be read, the last copy is used; only a
 * municipality never read fails the send, which is then retried like a mail-server failure.
 */
@ApplicationScoped
public class Contacts {

    /** The unit of the appointment, with the municipality's phones and e-mail where the unit has none. */
    public record Office(String nameEl, String nameEn, String address, List<String> phones, String email,
                         String hoursEl, String hoursEn) {}

    private static final Logger LOG = Logger.getLogger(Contacts.class);

    private record Copy(RegistryApi.Municipality municipality, Instant readAt) {}

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();

    @Inject
    @RestClient
    RegistryApi registry;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    public Uni<Office> office(String municipality, String unitId) {
        return municipality(municipality).map(m -> {
            RegistryApi.Unit unit = m.units() == null ? null
                    : m.units().stream().filter(u -> u.id().equals(unitId)).findFirst().orElse(null);
            if (unit == null) {
                return new Office(m.nameEl(), m.nameEn(), m.address(), orEmpty(m.phones()), m.email(), null, null);
            }
            return new Office(unit.nameEl(), unit.nameEn(), unit.address() == null ? m.address() : unit.address(),
                    unit.phones() == null || unit.phones().isEmpty() ? orEmpty(m.phones()) : unit.phones(),
                    unit.email() == null ? m.email() : unit.email(), unit.hoursEl(), unit.hoursEn());
        });
    }

    private Uni<RegistryApi.Municipality> municipality(String code) {
        Copy copy = copies.get(code);
        Instant now = clock.instant();
        if (copy != null && copy.readAt().plus(config.registry().refreshAfter()).isAfter(now)) {
            return Uni.createFrom().item(copy.municipality());
        }
        return registry.municipality(code)
                .invoke(fresh -> copies.put(code, new Copy(fresh, now)))
                .onFailure(failure -> copy != null).recoverWithItem(failure -> {
                    LOG.warnf("Registry unreadable, using contact details of %s read at %s: %s", code, copy.readAt(),
                            failure.toString());
                    return copy.municipality();
                });
    }

    private static List<String> orEmpty(List<String> phones) {
        return phones == null ? List.of() : phones;
    }
}
