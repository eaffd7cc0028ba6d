using AfterSales.Cloud.Documents;

namespace AfterSales.Cloud.Kpis;

/// <summary>How a figure reads against its target, for the dashboard and every report alike. Pure.</summary>
public static class KpiToneRules
{
    /// <summary>A figure that should reach the target: good at or above it, bad below; nothing to measure is neutral.</summary>
    public static PdfTone AtLeast(double? value, double target) => value is not { } v ? PdfTone.Neutral : v >= target ? PdfTone.Good : PdfTone.Bad;

    /// <summary>A figure that should stay under the limit (complaints, repeats): good below it, bad at or above.</summary>
    public static PdfTone Below(double? value, double limit) => value is not { } v ? PdfTone.Neutral : v < limit ? PdfTone.Good : PdfTone.Bad;

    /// <summary>Availability: good from <see cref="KpiTargets.AvailabilityGood"/>, a warning down to the target, bad below it.</summary>
    public static PdfTone Availability(double? ratio, KpiTargets targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return ratio is not { } r ? PdfTone.Neutral : r >= targets.AvailabilityGood ? PdfTone.Good : r >= targets.Availability ? PdfTone.Warn : PdfTone.Bad;
    }
}
