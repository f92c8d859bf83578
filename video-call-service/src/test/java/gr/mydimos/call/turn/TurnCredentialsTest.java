package gr.mydimos.call.turn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TurnCredentialsTest {

    @Test
    void thePasswordIsWhatCoturnDerivesFromTheSharedSecret() {
        // printf 'u1' | openssl dgst -sha1 -hmac 'turn-secret' -binary | base64
        assertThat(TurnCredentials.password("u1", "turn-secret")).isEqualTo("CfKJVYuy5xgU08uL1bq0B2eMX2g=");
    }
}
