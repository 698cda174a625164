package uk.london.victims.application.metrics;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Counts each command handled, by name, as accepted or rejected (its handler threw: a rule of the case, a
 * conflict, an unknown case). On the handling side, so each instance counts what it handled.
 */
@Component
class CommandMetrics {

    CommandMetrics(CommandBus commandBus) {
        MessageHandlerInterceptor<CommandMessage<?>> counting = (unitOfWork, chain) -> {
            String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
            try {
                Object result = chain.proceed();
                ServiceMeters.command(command, true);
                return result;
            } catch (Exception e) {
                ServiceMeters.command(command, false);
                throw e;
            }
        };
        commandBus.registerHandlerInterceptor(counting);
    }
}
