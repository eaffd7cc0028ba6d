namespace AfterSales.EndToEnd.Tests;

/// <summary>
/// The gateway process reaches the cloud's embedded broker over TLS, trusting the site CA that the
/// cloud's <c>broker-certificate</c> command made (docs/security.md, "MQTT over TLS").
/// </summary>
public sealed class EmbeddedBrokerTlsTests : FaultToTicketScenario
{
    protected override bool ExternalBroker => false;

    protected override bool BrokerTls => true;

    [Fact]
    public async Task GatewayConnectsOverTls()
    {
        await using var deployment = await Deployment.StartAsync(externalBroker: false, brokerTls: true);
        deployment.StartGateway();
        await deployment.WaitForGatewayConnectedAsync();
        Assert.Contains($"Connected to broker 127.0.0.1:{deployment.TlsPort}", deployment.Gateway!.Output, StringComparison.Ordinal);
    }
}
