namespace AfterSales.EndToEnd.Tests;

/// <summary>Cloud and gateway meet on an external mosquitto broker.</summary>
public sealed class MosquittoBrokerTests : FaultToTicketScenario
{
    protected override bool ExternalBroker => true;
}
