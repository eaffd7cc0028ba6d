namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>Who does something to a ticket, as the audit trail names them.</summary>
public static class Actor
{
    public const string System = "system";

    /// <summary>A fault a customer reported by phone or from the portal.</summary>
    public const string CustomerCall = "customer call";

    public static string Gateway(string? gatewayId) => gatewayId is null ? "gateway" : $"gateway {gatewayId}";
}
