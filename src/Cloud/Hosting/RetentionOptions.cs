using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Hosting;

/// <summary>How long what is not a service record is kept (docs/service-rules.md, "Retention").</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Refused messages and the spent timers of closed tickets are deleted once older than this.</summary>
    [Range(1, 3650)]
    public int NoiseDays { get; set; } = 90;
}
