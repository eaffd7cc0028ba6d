namespace AfterSales.Cloud.Feedback;

/// <summary>The message that tells the customer how their complaint was settled (docs/service-rules.md §4.3b).</summary>
public static class ComplaintOutcomeComposer
{
    public static string CustomerText(string number, string siteName, string fix) =>
        $"Your complaint {number} about {siteName} is settled: {fix} Thank you for telling us. The full answer is on your portal.";
}
