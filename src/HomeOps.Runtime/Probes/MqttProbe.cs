using System.Text;
using MQTTnet;

namespace HomeOps.Runtime.Probes;

/// <summary>
/// MQTT through MQTTnet: CONNECT with the broker's credentials, SUBSCRIBE to a topic of its own, PUBLISH a message
/// there at QoS 1 and wait for the broker to deliver it back. A broker that accepts the connection but does not route
/// messages (ACLs, a full queue) fails here where a port check would pass.
/// </summary>
public static class MqttProbe
{
    public static async Task<ProbeResult> RoundTripAsync(string host, int port, string? username, string? password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new MqttClientFactory().CreateMqttClient();
        var topic = $"homeops/doctor/{Guid.NewGuid():N}";
        var payload = $"homeops doctor {Guid.NewGuid():N}";
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == topic)
            {
                received.TrySetResult(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            }

            return Task.CompletedTask;
        };

        var options = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId($"homeops-doctor-{Guid.NewGuid():N}"[..30]).WithCleanSession();
        if (username is not null)
        {
            options = options.WithCredentials(username, password);
        }

        MqttClientConnectResult connected;
        try
        {
            connected = await client.ConnectAsync(options.Build(), deadline.Token).ConfigureAwait(false);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException e)
        {
            return ProbeResult.Wrong($"the broker refused the connection: {e.Message}");
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Unreachable($"no MQTT connection to {host}:{port}: {Message(e)}");
        }

        if (connected.ResultCode != MqttClientConnectResultCode.Success)
        {
            return ProbeResult.Wrong($"the broker refused the connection: {connected.ResultCode}");
        }

        try
        {
            var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), deadline.Token).ConfigureAwait(false);
            var granted = subscribed.Items.FirstOrDefault()?.ResultCode;
            if (granted is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                return ProbeResult.Wrong($"the broker refused the subscription to {topic}: {granted}");
            }

            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), deadline.Token).ConfigureAwait(false);
            var echoed = await received.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            await client.DisconnectAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            return echoed == payload
                ? ProbeResult.Healthy($"connected{(username is null ? " anonymously" : $" as {username}")}, published and received a message on {topic}")
                : ProbeResult.Wrong($"the message came back changed on {topic}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Wrong($"connected, but the message published on {topic} did not come back within {timeout.TotalSeconds:0}s");
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException e)
        {
            return ProbeResult.Wrong($"the broker dropped the connection: {Message(e)}");
        }
    }

    private static string Message(Exception e) => e is OperationCanceledException ? "timed out" : (e.InnerException ?? e).Message;
}
