namespace AfterSales.Gateway.Enrolment;

/// <summary>What the cloud hands a gateway that presented a good enrolment token.</summary>
internal sealed record EnrolmentGrant(
    string GatewayId,
    string SiteId,
    string SiteName,
    string BrokerHost,
    int BrokerPort,
    bool BrokerUseTls,
    string Username,
    string Password,
    string? CaCertificatePem);
