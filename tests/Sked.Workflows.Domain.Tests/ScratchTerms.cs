namespace Sked.Workflows.Domain.Tests;
public sealed class ScratchTerms
{
    [Fact]
    public void Print()
    {
        foreach (var t in new[] { "کنتور خانه ام", "کنتور برق خانه‌ام خراب شده است", "كنتور خراب", "احمدی", "مریم احمدی", "دکل کج", "تیر برق کوچه کج شده", "کنتو" })
        {
            File.AppendAllText("/tmp/scratch/terms.txt", t + " => " + string.Join(" | ", Sked.Workflows.Domain.Text.PersianTerms.Of(t)) + "\n");
        }
    }
}
