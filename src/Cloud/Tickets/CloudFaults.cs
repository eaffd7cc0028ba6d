namespace AfterSales.Cloud.Tickets;

/// <summary>Fault codes of tickets the cloud opens itself, never sent by a gateway.</summary>
public static class CloudFaults
{
    /// <summary>A failed inspection item: a defect to fix, not an outage of the device.</summary>
    public const string InspectionDefect = "inspection.defect";

    /// <summary>A fault a person reported (a customer's call to the desk, or the customer portal): docs/service-rules.md §2.15.</summary>
    public const string CustomerReport = "customer.reported";
}
