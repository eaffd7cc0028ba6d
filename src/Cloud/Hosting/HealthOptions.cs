using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Hosting;

/// <summary>When readiness reports the service degraded.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>A due SLA timer unfired for longer than this means the timer worker is stuck or overloaded.</summary>
    [Range(5, 86400, ErrorMessage = "Health:MaxTimerLagSeconds must be between 5 and 86400.")]
    public int MaxTimerLagSeconds { get; set; } = 60;

    /// <summary>Mail waiting longer than this means the relay keeps refusing it.</summary>
    [Range(1, 10080, ErrorMessage = "Health:MaxMailDelayMinutes must be between 1 and 10080.")]
    public int MaxMailDelayMinutes { get; set; } = 15;
}
