using System.Text.Json.Serialization;

namespace AfterSales.Cloud.Notifications;

/// <summary>The event classes a person chooses channels for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    /// <summary>Anything not listed below: stand-downs, withdrawn and self-restored jobs, loaner duties, deadlines needing a human.</summary>
    General,

    /// <summary>A job offered to a technician: he must accept it within the accept window.</summary>
    JobOffered,

    SlaWarning,

    SlaBreach,

    /// <summary>Nobody could be dispatched: a supervisor must act.</summary>
    Escalation,

    /// <summary>To the customer: when the technician will arrive.</summary>
    CustomerEta,
}
