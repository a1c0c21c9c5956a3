import { test, expect, signIn, listFromApi } from './fixtures';

// A server that knows the euro's dollar rate: euro deals can be judged eligible.
test.use({ usdRates: 'EUR=1.10' });

type Deal = { id: string; details: { dealValue: string | null; currency: string | null; requirements: { solutions: string[] } } };

test('with a euro rate, an eligible euro deal must be registered to be won, as the server requires', async ({ page }) => {
  await signIn(page);
  expect(await (await page.request.get('/api/v1/exchange-rates')).json()).toEqual({ EUR: '1.10' });
  const accepted = (await listFromApi(page.request, 'stage=Accepted')) as unknown as Deal[];
  const eligible = accepted.find((r) => r.details.currency === 'EUR' && r.details.requirements.solutions.length > 0 && Number(r.details.dealValue) * 1.1 >= 25_000);
  expect(eligible, 'the demo has an eligible euro deal').toBeDefined();
  await page.goto(`/referrals/${eligible!.id}`);
  await page.getByRole('button', { name: 'Won' }).click();
  // Required: the registration fields are there, with no "Register this deal" choice.
  await expect(page.getByLabel(/Total contract value/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Register this deal' })).toHaveCount(0);
});
