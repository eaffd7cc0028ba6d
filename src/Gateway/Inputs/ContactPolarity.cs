using System.Device.Gpio;

namespace AfterSales.Gateway.Inputs;

/// <summary>
/// Wiring convention: every input is opened with the internal pull-up, and the contact sits
/// between the pin and ground, so a closed contact pulls the pin Low and an open one lets it float High.
/// A normally-closed contact is healthy when Low and in fault when High (it opened, or the wire was cut);
/// a normally-open contact is healthy when High and in fault when Low.
/// </summary>
internal static class ContactPolarity
{
    public static bool IsFault(ContactType contact, PinValue level) => contact switch
    {
        ContactType.NormallyClosed => level == PinValue.High,
        ContactType.NormallyOpen => level == PinValue.Low,
        _ => throw new ArgumentOutOfRangeException(nameof(contact), contact, "Unknown contact type."),
    };

    public static PinValue LevelFor(ContactType contact, bool fault) => contact switch
    {
        ContactType.NormallyClosed => fault ? PinValue.High : PinValue.Low,
        ContactType.NormallyOpen => fault ? PinValue.Low : PinValue.High,
        _ => throw new ArgumentOutOfRangeException(nameof(contact), contact, "Unknown contact type."),
    };

    public static PinValue HealthyLevel(ContactType contact) => LevelFor(contact, fault: false);
}
