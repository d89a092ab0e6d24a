package io.slotpoll.mail;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * Amazon SES v2 {@code SendEmail} with the raw message, so SES sends exactly the MIME the
 * outbox holds (its Message-ID and attachment included). Throttling
 * ({@code TooManyRequestsException}, {@code LimitExceededException}), a 5xx from SES and a
 * network failure are temporary; any other rejection (an unverified sender, a refused
 * message) is permanent. The SDK's own retries are off: the outbox retries, with backoff.
 */
public final class SesTransport implements MailTransport {

    private final SesV2Client client;
    private final String from;

    public SesTransport(SesV2Client client, String from) {
        this.client = client;
        this.from = from;
    }

    @Override
    public void send(String recipient, String mime) throws SendFailure {
        try {
            client.sendEmail(SendEmailRequest.builder()
                    .fromEmailAddress(from)
                    .destination(d -> d.toAddresses(recipient))
                    .content(EmailContent.builder().raw(RawMessage.builder()
                            .data(SdkBytes.fromByteArray(mime.getBytes(StandardCharsets.US_ASCII))).build()).build())
                    .build());
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw new SendFailure(Outcome.TEMPORARY, "SES throttled: " + e.awsErrorDetails().errorCode());
        } catch (SesV2Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            throw new SendFailure(e.statusCode() >= 500 ? Outcome.TEMPORARY : Outcome.PERMANENT,
                    "SES " + e.statusCode() + " " + code);
        } catch (SdkClientException e) {
            throw new SendFailure(Outcome.TEMPORARY, "SES unreachable: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
