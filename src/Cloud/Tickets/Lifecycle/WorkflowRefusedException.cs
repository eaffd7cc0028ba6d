namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>The state machine refused a command; the message says why, for the person who asked.</summary>
public sealed class WorkflowRefusedException(string message) : Exception(message)
{
    public WorkflowRefusedException()
        : this("refused")
    {
    }

    public WorkflowRefusedException(string message, Exception inner)
        : this(message + ": " + inner?.Message)
    {
    }
}
