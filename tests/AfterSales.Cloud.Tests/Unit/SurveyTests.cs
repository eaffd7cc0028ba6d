using AfterSales.Cloud.Feedback;

namespace AfterSales.Cloud.Tests.Unit;

public class SurveyTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 10, 13, 0, 0, TimeSpan.Zero);

    private static Survey Issued() => Survey.Issue("token", "site-a", "li", 7, null, Sent);

    [Fact]
    public void Answer_SecondTime_RefusedAndTheFirstAnswerStands()
    {
        var survey = Issued();
        survey.Answer(4, 4, 3, 4, "Quick and tidy.", Sent.AddHours(5));

        Assert.Throws<InvalidOperationException>(() => survey.Answer(1, 1, 1, 1, "changed my mind", Sent.AddHours(6)));

        Assert.Equal((4, Sent.AddHours(5), "Quick and tidy."), (survey.Attitude, survey.AnsweredAt, survey.Comment));
    }

    [Fact]
    public void Answer_LevelOutsideOneToFour_RefusedAndUnanswered()
    {
        var survey = Issued();

        Assert.Throws<ArgumentOutOfRangeException>(() => survey.Answer(4, 5, 4, 4, null, Sent.AddHours(1)));

        Assert.Null(survey.AnsweredAt);
    }

    [Fact]
    public void Answer_BlankOrLongComment_NoneOrCutToTheColumn()
    {
        var blank = Issued();
        var lengthy = Issued();

        blank.Answer(3, 3, 3, 3, "   ", Sent.AddHours(1));
        lengthy.Answer(3, 3, 3, 3, " " + new string('x', 3000), Sent.AddHours(1));

        Assert.Null(blank.Comment);
        Assert.Equal(Survey.CommentMaxLength, lengthy.Comment!.Length);
    }
}
