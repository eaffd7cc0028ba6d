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
}
