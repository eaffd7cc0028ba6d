namespace AfterSales.Cloud.Api;

/// <summary>What a gateway is told at enrolment about where to connect (docs/gateway.md, "Enrolment").</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary>The broker's address as the gateways reach it; empty: the host name the gateway used to reach the cloud.</summary>
    public string? BrokerHost { get; set; }

    /// <summary>Empty: the embedded broker's port (<c>Broker:Port</c>).</summary>
    public int? BrokerPort { get; set; }

    public bool BrokerUseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate, handed to the gateway; empty: the gateway trusts its system store.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>How long a new enrolment token stays good.</summary>
    public double TokenValidHours { get; set; } = Sites.EnrolmentRules.DefaultValidHours;
}
