using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Feedback;

/// <summary>The message that tells the customer how their complaint was settled (docs/service-rules.md §4.3b).</summary>
public static class ComplaintOutcomeComposer
{
    /// <summary>In the customer's language, which the caller's <paramref name="T"/> is set to.</summary>
    public static string CustomerText(IStringLocalizer T, string number, string siteName, string fix)
    {
        ArgumentNullException.ThrowIfNull(T);
        return T["Your complaint {0} about {1} is settled: {2} Thank you for telling us. The full answer is on your portal.", number, siteName, fix];
    }
}
