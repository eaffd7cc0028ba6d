namespace AfterSales.Cloud.Feedback;

/// <summary>Why the customer complained; the monthly analysis groups by it. Only some are the service's fault.</summary>
public enum ComplaintCause
{
    LateArrival,
    RepeatFault,
    Workmanship,
    Attitude,
    BrokenPromise,
    Billing,
    Product,
    Other,

    /// <summary>Not looked into yet: a complaint the customer filed on the portal, until the desk sets its cause (docs/service-rules.md §4.3c).</summary>
    Unclassified,
}
