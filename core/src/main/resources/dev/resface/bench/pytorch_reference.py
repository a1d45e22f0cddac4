"""resface's training iteration written as a plain PyTorch loop: the baseline of `resface bench --against-pytorch`.

The same networks (Table 1 at any size and width, the default upsampling: conv then nearest), the same losses and
the same update order as dev.resface.training.ResidualGanTrainer: D learns x0, x1, x~0, x~1 as one batch; then G0
and G1 each take one Adam step on l_GAN + l_dual + alpha l_pix + beta l_per, the other generator and D frozen. It
is what a PyTorch user would write, tuned as fairly as resface is: all cores, denormals flushed to zero.

Three commands, each printing one JSON object on stdout:
  check DIR    load the weights and inputs resface exported to DIR, run its iterations, print their losses
  train        time training iterations on random images, print seconds and the process's peak RSS
  infer        time G1 on random images without autograd, print seconds per call
"""
import argparse
import json
import math
import os
import resource
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

REAL_NEGATIVE, REAL_POSITIVE, GENERATED = 0, 1, 2
PHI_LAYERS = 3


def channels(paper, width):
    return max(1, int(math.floor(paper * width + 0.5)))


def conv(cin, cout, kernel, stride):
    pad = kernel // 2 if stride == 1 else (kernel - stride) // 2
    return nn.Conv2d(cin, cout, kernel, stride, pad)


def conv_leaky_norm(cin, cout, kernel, stride, slope, norm=True):
    layers = [conv(cin, cout, kernel, stride), nn.LeakyReLU(slope)]
    return nn.Sequential(*layers, nn.BatchNorm2d(cout)) if norm else nn.Sequential(*layers)


class Nearest2x(nn.Module):
    def forward(self, x):
        return F.interpolate(x, scale_factor=2, mode="nearest")


class EvenKernelSameConv(nn.Module):
    """A 4x4 conv at stride 1 padded 2 on both sides, first row and column dropped: 'same' size."""

    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 4, 1, 2)

    def forward(self, x):
        return self.conv(x)[:, :, 1:, 1:]


def generator(width, slope):
    c = lambda p: channels(p, width)
    return nn.Sequential(
        conv_leaky_norm(3, c(64), 5, 1, slope),
        conv_leaky_norm(c(64), c(128), 4, 2, slope),
        conv_leaky_norm(c(128), c(256), 4, 2, slope),
        nn.Sequential(conv_leaky_norm(c(256), c(128), 3, 1, slope), Nearest2x()),
        nn.Sequential(conv_leaky_norm(c(128), c(64), 3, 1, slope), Nearest2x()),
        EvenKernelSameConv(c(64), 3))


class Discriminator(nn.Module):
    def __init__(self, size, width, slope, batch_norm, layers):
        super().__init__()
        widths = [channels(p, width) for p in (64, 128, 256, 512, 1024)][:layers]
        blocks = []
        cin = 3
        for w in widths:
            blocks.append(conv_leaky_norm(cin, w, 4, 2, slope, batch_norm))
            cin = w
        self.features = nn.Sequential(*blocks[:PHI_LAYERS])
        side = size >> layers
        self.head = nn.Sequential(*blocks[PHI_LAYERS:], nn.Conv2d(cin, 3, side))

    def forward(self, x):
        phi = self.features(x)
        return self.head(phi).reshape(x.shape[0], 3), phi


def cross_entropy(logits, target):
    return -F.log_softmax(logits, 1)[:, target].mean()


def per_image_l1(x):
    return x.abs().sum() / x.shape[0]


def trainable(net, on):
    for p in net.parameters():
        p.requires_grad_(on)


class Iteration:
    """One iteration of resface's loop; returns its losses as resface's StepLosses orders them."""

    def __init__(self, args):
        self.g0 = generator(args.width, args.slope)
        self.g1 = generator(args.width, args.slope)
        self.d = Discriminator(args.size, args.width, args.slope, args.batch_norm, args.d_layers)
        betas = (args.beta1, args.beta2)
        self.opt_g0 = torch.optim.Adam(self.g0.parameters(), args.lr, betas, eps=1e-8)
        self.opt_g1 = torch.optim.Adam(self.g1.parameters(), args.lr, betas, eps=1e-8)
        self.opt_d = torch.optim.Adam(self.d.parameters(), args.lr, betas, eps=1e-8)
        self.alpha = args.alpha
        self.beta = args.beta
        self.batch_norm = args.batch_norm

    def nets(self):
        return self.g0, self.g1, self.d

    def __call__(self, x0, x1):
        n = x0.shape[0]
        for net in self.nets():
            trainable(net, True)
        r0 = self.g0(x0)
        r1 = self.g1(x1)
        e0, e1 = x0 + r0, x1 + r1
        trainable(self.g0, False)
        trainable(self.g1, False)
        logits = self.d(torch.cat([x0, x1, e0.detach(), e1.detach()]))[0]
        loss_d = (cross_entropy(logits[:n], REAL_NEGATIVE) + cross_entropy(logits[n:2 * n], REAL_POSITIVE)
                  + cross_entropy(logits[2 * n:3 * n], GENERATED) + cross_entropy(logits[3 * n:], GENERATED))
        self.opt_d.zero_grad()
        loss_d.backward()
        self.opt_d.step()

        trainable(self.d, False)
        fixed0, fixed1 = e0.detach(), e1.detach()
        g0 = self.generator_step(self.g0, self.g1, self.opt_g0, e0, r0, 2,
                                 lambda f: [x0, x1, f, fixed1], REAL_POSITIVE, REAL_NEGATIVE)
        g1 = self.generator_step(self.g1, self.g0, self.opt_g1, e1, r1, 3,
                                 lambda f: [x0, x1, fixed0, f], REAL_NEGATIVE, REAL_POSITIVE)
        return [loss_d.item()] + g0 + g1

    def generator_step(self, g, other, opt, edited, residual, slot, batch_with, target, source):
        trainable(g, True)
        trainable(other, False)
        logits, phi_edited, phi_input = self.judge_in_context(batch_with(edited), slot)
        adversarial = cross_entropy(logits, target)
        back = edited + other(edited)
        dual = cross_entropy(self.judge_in_context(batch_with(back), slot)[0], source)
        pixel = per_image_l1(residual)
        perceptual = per_image_l1(phi_input - phi_edited)
        total = adversarial + pixel * self.alpha + perceptual * self.beta + dual
        opt.zero_grad()
        total.backward()
        opt.step()
        return [total.item(), adversarial.item(), dual.item(), pixel.item(), perceptual.item()]

    def judge_in_context(self, groups, slot):
        """As resface: with batch norm D sees the four groups together; without, only the two groups it needs."""
        if self.batch_norm:
            logits, phi = self.d(torch.cat(groups))
            n = groups[0].shape[0]
            part = lambda t, k: t[k * n:(k + 1) * n]
            return part(logits, slot), part(phi, slot), part(phi, slot - 2)
        logits, phi = self.d(groups[slot])
        return logits, phi, self.d.features(groups[slot - 2])


def load_weights(net, folder, name):
    """resface writes a block's parameters in its own order, which is the order of the state dict's tensors."""
    targets = [t for k, t in net.state_dict().items() if not k.endswith("num_batches_tracked")]
    files = sorted(f for f in os.listdir(folder) if f.startswith(name + "."))
    if len(files) != len(targets):
        sys.exit(f"{folder}: {len(files)} {name} tensors, the reference has {len(targets)}")
    with torch.no_grad():
        for f, t in zip(files, targets):
            a = torch.from_numpy(np.load(os.path.join(folder, f)))
            if tuple(a.shape) != tuple(t.shape):
                sys.exit(f"{folder}/{f}: shape {tuple(a.shape)}, the reference expects {tuple(t.shape)}")
            t.copy_(a)


def check(args):
    """The same iterations from the same weights and images: in float32 in either memory layout (--channels-last),
    which is what float order alone changes, or in float64 (--float64), the yardstick both float32 sides are held to."""
    it = Iteration(args)
    layout = torch.channels_last if args.channels_last else torch.contiguous_format
    dtype = torch.float64 if args.float64 else torch.float32
    for net, name in zip(it.nets(), ("g0", "g1", "d")):
        load_weights(net, args.folder, name)
        net.to(dtype=dtype, memory_format=layout)
    losses = []
    for i in range(args.iterations):
        x0, x1 = (torch.from_numpy(np.load(os.path.join(args.folder, f"{x}.{i}.npy"))).to(dtype)
                  .contiguous(memory_format=layout) for x in ("x0", "x1"))
        losses.append(it(x0, x1))
    return {"losses": losses}


def peak_rss_bytes():
    """VmHWM, as resface reads it. ru_maxrss is no use here: Linux carries it over from the process that started
    this one (a JVM of a gigabyte or more), across exec."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def train(args):
    it = Iteration(args)
    shape = (args.batch, 3, args.size, args.size)
    seconds = []
    for i in range(args.warmup + args.timed):
        x0 = torch.rand(shape) * 2 - 1
        x1 = torch.rand(shape) * 2 - 1
        t0 = time.perf_counter()
        it(x0, x1)
        if i >= args.warmup:
            seconds.append(time.perf_counter() - t0)
    return {"seconds": seconds, "peak_rss_bytes": peak_rss_bytes()}


def infer(args):
    """As resface's editor: an image array in, G1's residual array out, batch norm on running statistics."""
    g = generator(args.width, args.slope).eval()
    x = np.zeros((args.batch, 3, args.size, args.size), np.float32)
    seconds = []
    with torch.inference_mode():
        for i in range(args.warmup + args.timed):
            t0 = time.perf_counter()
            g(torch.from_numpy(x)).numpy().copy()
            if i >= args.warmup:
                seconds.append(time.perf_counter() - t0)
    return {"seconds": seconds, "peak_rss_bytes": peak_rss_bytes()}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("command", choices=["check", "train", "infer"])
    p.add_argument("folder", nargs="?")
    p.add_argument("--size", type=int, default=128)
    p.add_argument("--width", type=float, default=1.0)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--batch-norm", action="store_true", help="batch norm after D's hidden layers (Table 1)")
    p.add_argument("--d-layers", type=int, default=5)
    p.add_argument("--slope", type=float, default=0.2)
    p.add_argument("--lr", type=float, default=2e-4)
    p.add_argument("--beta1", type=float, default=0.5)
    p.add_argument("--beta2", type=float, default=0.999)
    p.add_argument("--alpha", type=float, help="l_pix's weight at this size (check, train)")
    p.add_argument("--beta", type=float, help="l_per's weight at this size (check, train)")
    p.add_argument("--iterations", type=int, default=2)
    p.add_argument("--channels-last", action="store_true", help="check: run in NHWC memory")
    p.add_argument("--float64", action="store_true", help="check: run in float64")
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--timed", type=int, default=5)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    if args.command != "infer" and (args.alpha is None or args.beta is None):
        p.error(f"{args.command} needs --alpha and --beta")
    torch.set_num_threads(args.threads)
    torch.set_flush_denormal(True)
    torch.manual_seed(args.seed)
    result = {"check": check, "train": train, "infer": infer}[args.command](args)
    result["torch"] = torch.__version__
    print(json.dumps(result))


if __name__ == "__main__":
    main()
