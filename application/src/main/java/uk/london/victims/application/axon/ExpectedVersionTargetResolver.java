package uk.london.victims.application.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the case from the command's annotated id, and the version the sender expects from the
 * command's metadata: an HTTP If-Match is a fact about the request, not about the journey, so it stays
 * out of the domain's commands. No expected version means "whatever the current version is".
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    public static final String EXPECTED_VERSION = "expectedVersion";

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object expected = command.getMetaData().get(EXPECTED_VERSION);
        return expected instanceof Number version
                ? new VersionedAggregateIdentifier(target.getIdentifierValue(), version.longValue())
                : target;
    }
}
