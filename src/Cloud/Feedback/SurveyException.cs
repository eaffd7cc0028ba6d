namespace AfterSales.Cloud.Feedback;

/// <summary>A survey that cannot be issued as asked (no contact to send it to), with the reason for the dispatcher.</summary>
public sealed class SurveyException(string message) : Exception(message)
{
    public SurveyException()
        : this("The survey cannot be issued.")
    {
    }

    public SurveyException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
