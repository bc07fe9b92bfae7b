import stx_sample
print(stx_sample.describe("stx-sample-cli"))
