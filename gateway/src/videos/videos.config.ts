import { ConfigType, registerAs } from '@nestjs/config';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { validateConfig } from '../config/validate-config';

class VideosEnv {
  // List pages kept in memory, each valid only while the owner's videos stay as they were read (0: none kept).
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4096)
  VIDEO_LIST_CACHE_MB = 32;
}

export const videosConfig = registerAs('videos', () => {
  const env = validateConfig(VideosEnv, process.env);
  return { listCacheBytes: env.VIDEO_LIST_CACHE_MB * 1024 * 1024 };
});

export type VideosConfig = ConfigType<typeof videosConfig>;
