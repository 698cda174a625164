package uk.london.victims.domain.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonIdTest {

    @Test
    void aNewIdIsValidAndUnique() {
        assertThat(PersonId.newId()).isNotEqualTo(PersonId.newId());
        assertThat(new PersonId(PersonId.newId().value())).isNotNull();
    }

    @Test
    void refusesIdsThatAreTooShortTooLongOrCarryOtherCharacters() {
        assertThatThrownBy(() -> new PersonId("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonId("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonId("person/0001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonId(null)).isInstanceOf(NullPointerException.class);
        assertThat(new PersonId("person-0001").value()).isEqualTo("person-0001");
    }

    @Test
    void aSealedValueDoesNotPrintItsCiphertext() {
        Sealed sealed = new Sealed(new PersonId("person-0001"), "AbCdEf0123456789");

        assertThat(sealed.toString()).isEqualTo("Sealed[person=person-0001]").doesNotContain("AbCdEf");
    }

    @Test
    void aSealedValueHasACiphertext() {
        assertThatThrownBy(() -> new Sealed(new PersonId("person-0001"), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
