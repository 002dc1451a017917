#!/usr/bin/env python3
"""PyTorch reference for `hardneg bench`: the same small CLIP as ClipModelOptions.SmallCpu, the same loss and the
same AdamW step, timed the same way (warm-up, then windows of steps; best and median window), on synthetic tensors of
the same shapes.

Plain PyTorch, no other dependency. Not part of the build or the tests: it exists to tell whether the TorchSharp
trainer is as fast as PyTorch on the same CPU. Run it with the allocator settings the C# side uses (glibc reads them
when the process starts, so they cannot be set from here):

    MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 OMP_WAIT_POLICY=PASSIVE \
        python3 bench/pytorch/clip_small.py --batch 128 --k 1 --warmup 10 --steps 60

What is the same as the C# model (src/HardNegRules.Training/Model):
- image tower: x/y coordinate channels in [-1, 1] appended (5 input channels), four 3x3 stride-2 convolutions
  (32, 64, 128, 128 channels) each followed by exact GELU, the 4x4 map flattened (2,048), LayerNorm, Linear to 128;
- text tower: CLIP's 49,408-token embedding of width 128, learnt positional embedding (77 x 128), two pre-LN blocks
  (fused q/k/v projection, 4 heads, causal mask; MLP 128 -> 512 -> 128 with exact GELU), ln_final, the feature at the
  end-of-text token (the row's highest id, CLIP's argmax), times a 128 x 128 projection without bias;
- both embeddings L2-normalised; logit scale exp(ln(1/0.07)) clamped at 100;
- the text tower runs only up to the batch's last end-of-text token, as the C# model does (exact under the causal
  mask); --full-context runs all 77 positions instead;
- loss: symmetric InfoNCE; k hard negatives per caption are extra text rows, appended as extra columns on the
  image->text side where each image sees only its own negatives (other images' negatives masked to -inf), as
  HardNegativeLoss in Append mode; the text->image side ranks the positives only;
- step: lr set on both groups, forward, loss.item() (the trainer's NaN check), zero_grad, backward, gradient clipping
  at norm 1 (its norm read back), AdamW (betas 0.9/0.98, eps 1e-6, decay 0.1 on weight matrices only; biases, norms,
  the positional embedding and the logit scale in a group without decay), the logit scale read back.
Data: captions of 12-16 random word ids between the start (49406) and end (49407) tokens, random pixels in [-1, 1], as
SyntheticBenchmarkData; four batches made up front and cycled, each copied into fresh tensors every step, as the C#
trainer copies its prepared batch into new tensors.
"""

import argparse
import json
import math
import os
import sys
import tempfile
import time

# libgomp reads the wait policy once, when torch loads: the C# side sets PASSIVE the same way (TorchSetup).
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402  (the environment must be prepared first)
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

VOCABULARY = 49408
CONTEXT = 77
START_TOKEN = VOCABULARY - 2
END_TOKEN = VOCABULARY - 1


class ConvVisionTower(nn.Module):
    def __init__(self, image_size=64, channels=(32, 64, 128, 128), embed_dim=128):
        super().__init__()
        stages, in_channels = [], 5
        for out_channels in channels:
            stages.append(nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=2, padding=1))
            in_channels = out_channels
        self.stages = nn.ModuleList(stages)
        final = image_size >> len(channels)
        self.norm = nn.LayerNorm(in_channels * final * final)
        self.projection = nn.Linear(in_channels * final * final, embed_dim)

    def forward(self, images):
        batch, _, height, width = images.shape
        ys = torch.linspace(-1, 1, height, dtype=images.dtype).view(1, 1, height, 1).expand(batch, 1, height, width)
        xs = torch.linspace(-1, 1, width, dtype=images.dtype).view(1, 1, 1, width).expand(batch, 1, height, width)
        x = torch.cat([images, xs, ys], 1)
        for stage in self.stages:
            x = F.gelu(stage(x))
        return self.projection(self.norm(x.flatten(1)))


class ResidualAttentionBlock(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.ln_1 = nn.LayerNorm(width)
        self.in_proj = nn.Linear(width, 3 * width)
        self.out_proj = nn.Linear(width, width)
        self.ln_2 = nn.LayerNorm(width)
        self.c_fc = nn.Linear(width, 4 * width)
        self.c_proj = nn.Linear(4 * width, width)

    def attention(self, x, mask):
        batch, length, width = x.shape
        head_width = width // self.heads
        qkv = self.in_proj(x).view(batch, length, 3, self.heads, head_width).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        if hasattr(F, "scaled_dot_product_attention"):  # torch >= 2.0: the fused kernel the C# side calls
            attended = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        else:  # torch 1.x: the same math spelled out
            scores = q.matmul(k.transpose(-2, -1)) * head_width ** -0.5 + mask
            attended = scores.softmax(-1).matmul(v)
        return self.out_proj(attended.transpose(1, 2).reshape(batch, length, width))

    def forward(self, x, mask):
        x = x + self.attention(self.ln_1(x), mask)
        return x + self.c_proj(F.gelu(self.c_fc(self.ln_2(x))))


class TextTransformer(nn.Module):
    def __init__(self, width=128, heads=4, layers=2, embed_dim=128, full_context=False):
        super().__init__()
        self.full_context = full_context
        self.token_embedding = nn.Embedding(VOCABULARY, width)
        self.positional_embedding = nn.Parameter(torch.empty(CONTEXT, width))
        self.resblocks = nn.ModuleList([ResidualAttentionBlock(width, heads) for _ in range(layers)])
        self.ln_final = nn.LayerNorm(width)
        self.text_projection = nn.Parameter(torch.empty(width, embed_dim))
        nn.init.normal_(self.token_embedding.weight, std=0.02)
        nn.init.normal_(self.positional_embedding, std=0.01)
        nn.init.normal_(self.text_projection, std=width ** -0.5)
        self.register_buffer("causal_mask", torch.full((CONTEXT, CONTEXT), float("-inf")).triu_(1), persistent=False)

    def forward(self, tokens):
        ends = tokens.argmax(1)
        length = CONTEXT if self.full_context else int(ends.max().item()) + 1
        x = self.token_embedding(tokens[:, :length]) + self.positional_embedding[:length]
        mask = self.causal_mask[:length, :length]
        for block in self.resblocks:
            x = block(x, mask)
        x = self.ln_final(x)
        pooled = x.gather(1, ends.view(-1, 1, 1).expand(-1, 1, x.shape[2])).squeeze(1)
        return pooled.matmul(self.text_projection)


class ClipSmall(nn.Module):
    def __init__(self, full_context=False):
        super().__init__()
        self.visual = ConvVisionTower()
        self.text = TextTransformer(full_context=full_context)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    def encode_image(self, images):
        return F.normalize(self.visual(images), dim=-1)

    def encode_text(self, tokens):
        return F.normalize(self.text(tokens), dim=-1)

    def scale(self):
        return self.logit_scale.exp().clamp(max=100)


def hard_negative_loss(image, text, negatives, k, scale):
    """HardNegativeLoss, Append mode: each image also ranks its own k negatives."""
    batch = image.shape[0]
    targets = torch.arange(batch)
    positives = image.matmul(text.t()) * scale
    text_to_image = F.cross_entropy(positives.t(), targets)
    if negatives is None:
        image_to_text = positives
    else:
        all_columns = torch.cat([positives, image.matmul(negatives.t()) * scale], 1)
        column = torch.arange(batch * k).view(1, -1)
        first_own = (torch.arange(batch) * k).view(-1, 1)
        foreign = (column < first_own) | (column >= first_own + k)
        mask = torch.cat([torch.zeros(batch, batch, dtype=torch.bool), foreign], 1)
        image_to_text = all_columns.masked_fill(mask, float("-inf"))
    return (F.cross_entropy(image_to_text, targets) + text_to_image) / 2


def synthetic_batch(generator, batch, k):
    images = torch.rand(batch, 3, 64, 64, generator=generator) * 2 - 1
    tokens = torch.zeros(batch * (1 + k), CONTEXT, dtype=torch.long)
    for row in range(tokens.shape[0]):
        words = 12 + int(torch.randint(5, (1,), generator=generator))
        tokens[row, 0] = START_TOKEN
        tokens[row, 1:words + 1] = torch.randint(1, VOCABULARY - 2, (words,), generator=generator)
        tokens[row, words + 1] = END_TOKEN
    return images, tokens


def parameter_groups(model):
    decay, no_decay = [], []
    for name, parameter in model.named_parameters():
        exempt = parameter.dim() < 2 or name.endswith("positional_embedding") or name.endswith("logit_scale")
        (no_decay if exempt else decay).append(parameter)
    return decay, no_decay


def resident_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def learning_rate(step, total, peak=1e-4, warmup=1):
    if step < warmup:
        return peak * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak * 0.5 * (1 + math.cos(math.pi * progress))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--k", type=int, default=0, help="hard negatives per caption")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--steps", type=int, default=60, help="timed steps, a multiple of --window")
    parser.add_argument("--window", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--forward-backward", action="store_true",
                        help="forward, loss and backward on fixed tensors only (no optimizer), as --forward-backward")
    parser.add_argument("--full-context", action="store_true", help="run the text tower over all 77 positions")
    parser.add_argument("--expect-parameters", type=int, help="the C# model's count; exit 1 if it differs")
    parser.add_argument("--out", help="write the figures as JSON")
    args = parser.parse_args()
    if args.steps < 1 or args.steps % args.window:
        parser.error("--steps must be a positive multiple of --window")
    for name in ("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"):
        if name not in os.environ:
            print(f"warning: {name} is not set; the C# side's allocator settings do not apply", file=sys.stderr)

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    rss_before_model = resident_mb()
    model = ClipSmall(full_context=args.full_context)
    parameters = sum(p.numel() for p in model.parameters())
    print(f"parameters: {parameters:,} (PyTorch)" + (
        f", {args.expect_parameters:,} (C#): {'equal' if parameters == args.expect_parameters else 'DIFFERENT'}"
        if args.expect_parameters else ""))
    if args.expect_parameters and parameters != args.expect_parameters:
        return 1

    decay, no_decay = parameter_groups(model)
    optimizer = torch.optim.AdamW([
        {"params": decay, "weight_decay": 0.1},
        {"params": no_decay, "weight_decay": 0.0},
    ], lr=1e-4, betas=(0.9, 0.98), eps=1e-6)
    all_parameters = decay + no_decay
    generator = torch.Generator().manual_seed(1)
    pool = [synthetic_batch(generator, args.batch, args.k) for _ in range(4)]
    batch = args.batch
    model.train()

    def training_step(step):
        images, tokens = (t.clone() for t in pool[step % len(pool)])
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, total)
        text = model.encode_text(tokens)
        negatives = text[batch:] if args.k > 0 else None
        loss = hard_negative_loss(model.encode_image(images), text[:batch], negatives, args.k, model.scale())
        if not math.isfinite(loss.item()):
            raise RuntimeError(f"non-finite loss at step {step}")
        optimizer.zero_grad(set_to_none=False)
        loss.backward()
        norm = float(torch.nn.utils.clip_grad_norm_(all_parameters, 1.0))
        if not math.isfinite(norm):
            raise RuntimeError(f"non-finite gradient norm at step {step}")
        optimizer.step()
        with torch.no_grad():
            model.scale().item()

    def forward_backward(step):
        images, tokens = pool[0]
        text = model.encode_text(tokens)
        negatives = text[batch:] if args.k > 0 else None
        loss = hard_negative_loss(model.encode_image(images), text[:batch], negatives, args.k, model.scale())
        loss.backward()
        model.zero_grad(set_to_none=False)

    run_step = forward_backward if args.forward_backward else training_step
    total = args.warmup + args.steps
    rss = [(0, resident_mb())]
    # Wall time and process CPU time (all threads) per window, as the C# WindowTimer.
    window_seconds, window_cpu, window_start, cpu_start = [], [], None, None
    for step in range(total):
        if step >= args.warmup and (step - args.warmup) % args.window == 0:
            now, cpu = time.perf_counter(), time.process_time()
            if window_start is not None:
                window_seconds.append(now - window_start)
                window_cpu.append(cpu - cpu_start)
            window_start, cpu_start = now, cpu
        run_step(step)
        if step + 1 == args.warmup or step + 1 == total or (step + 1) % 50 == 0:
            rss.append((step + 1, resident_mb()))
    window_seconds.append(time.perf_counter() - window_start)
    window_cpu.append(time.process_time() - cpu_start)

    ms = [1000 * s / args.window for s in window_seconds]
    best, median = min(ms), sorted(ms)[len(ms) // 2]
    cpu_ms = [1000 * s / args.window for s in window_cpu]
    cpu_median = sorted(cpu_ms)[len(cpu_ms) // 2]
    after_warmup = next(mb for step, mb in rss if step >= args.warmup)
    scope = "ForwardBackward" if args.forward_backward else "TrainingStep"
    with open("/proc/loadavg", encoding="ascii") as f:
        load = [float(x) for x in f.read().split()[:3]]
    print(f"pytorch {torch.__version__}, {scope}, batch {batch}, k {args.k}, {torch.get_num_threads()} threads"
          f"{', full context' if args.full_context else ''}")
    print(f"best window:   {1000 / best:.2f} steps/s  {1000 * batch / best:.1f} samples/s  {best:.1f} ms/step")
    print(f"median window: {1000 / median:.2f} steps/s  {1000 * batch / median:.1f} samples/s  {median:.1f} ms/step")
    print(f"windows ({args.window} steps, ms/step): {' '.join(f'{m:.0f}' for m in ms)}")
    print(f"CPU time (all threads): {cpu_median:.1f} ms/step in the median window; windows: "
          f"{' '.join(f'{m:.0f}' for m in cpu_ms)}")
    print(f"RSS MiB: before model {rss_before_model:.0f}, start {rss[0][1]:.0f}, after warm-up {after_warmup:.0f}, "
          f"end {rss[-1][1]:.0f}, max {max(mb for _, mb in rss):.0f}")
    print(f"load average {' '.join(f'{x:.2f}' for x in load)}, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC")
    if args.out:
        report = {
            "model": "small", "implementation": f"pytorch {torch.__version__}", "parameters": parameters,
            "scope": scope, "batch": batch, "k": args.k, "threads": torch.get_num_threads(),
            "warmup_steps": args.warmup, "steps": args.steps, "window": args.window,
            "steps_per_second": 1000 / best, "samples_per_second": 1000 * batch / best,
            "ms_per_step_best": best, "ms_per_step_median": median, "window_ms_per_step": ms,
            "cpu_ms_per_step_median": cpu_median, "window_cpu_ms_per_step": cpu_ms,
            "full_context": args.full_context,
            "rss": {"before_model_mb": rss_before_model, "start_mb": rss[0][1], "after_warmup_mb": after_warmup,
                    "end_mb": rss[-1][1], "max_mb": max(mb for _, mb in rss),
                    "samples": [{"step": s, "mb": mb} for s, mb in rss]},
            "machine": {"load_average": load, "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())},
        }
        directory = os.path.dirname(os.path.abspath(args.out))
        with tempfile.NamedTemporaryFile("w", dir=directory, delete=False, suffix=".tmp") as temp:
            json.dump(report, temp, indent=2)
        os.replace(temp.name, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
