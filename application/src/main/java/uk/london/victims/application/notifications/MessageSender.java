package uk.london.victims.application.notifications;

/** Delivers one notice; says whether it went out, or why not. */
interface MessageSender {

    /** @return the status the message now has (SENT by Notify, or LOCAL_OUTBOX without it) */
    Outbox.Status send(OutboxMessage message, String address) throws DeliveryFailure;

    /** A delivery that failed; {@code permanent} ones are not tried again. */
    final class DeliveryFailure extends Exception {
        private final boolean permanent;

        DeliveryFailure(String reason, boolean permanent) {
            super(reason, null, false, false);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }
}
