package plenary.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How much the live channel tolerates from a connection ({@code plenary.live.*}). What a client has not read
 * waits first in the kernel's socket send buffer, {@code socketSendBuffer} (left alone, Linux grows it to 4 MB
 * per connection), then in Plenary's send queue; a client more than {@code sendBufferLimit} behind there, or that
 * has not taken a message for {@code sendTimeLimit}, is disconnected and catches up with /events. One that sends
 * no frame for three {@code heartbeat}s is taken for dead. A connection holds at most {@code subscriptions}
 * subscriptions at once, and each room's presence is broadcast at most once per {@code presenceInterval}.
 */
@ConfigurationProperties("plenary.live")
record LiveLimits(@DefaultValue("512KB") DataSize sendBufferLimit, @DefaultValue("10s") Duration sendTimeLimit,
                  @DefaultValue("256KB") DataSize socketSendBuffer, @DefaultValue("10s") Duration heartbeat,
                  @DefaultValue("16") int subscriptions, @DefaultValue("250ms") Duration presenceInterval) {
}
