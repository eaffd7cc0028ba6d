namespace AfterSales.Cloud.Inspections;

/// <summary>A recording the inspection refuses, with the reason for the technician.</summary>
public sealed class InspectionException(string message) : Exception(message)
{
    public InspectionException()
        : this("The inspection refused the change.")
    {
    }

    public InspectionException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
