import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/validation/transforms';

const normaliseEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com', maxLength: 254 })
  @Transform(normaliseEmail)
  @IsNotEmpty({ message: 'email is required' })
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  // bcrypt only reads the first 72 bytes, so longer passwords would silently lose characters.
  @ApiProperty({ example: 'correct horse battery staple', minLength: 8, maxLength: 72 })
  @IsNotEmpty({ message: 'password is required' })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(72, { message: 'password must be at most 72 characters' })
  password: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 100, default: '' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class LoginDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(normaliseEmail)
  @IsNotEmpty({ message: 'email is required' })
  @IsString()
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsNotEmpty({ message: 'password is required' })
  @IsString()
  password: string;
}

export class UserDto {
  @ApiProperty({ example: 1 })
  id: number;

  @ApiProperty({ example: 'ada@example.com' })
  email: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
}

export class AuthResponseDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiProperty({
    description: 'JWT (HS256) to send as `Authorization: Bearer <token>`',
    example: 'eyJhbGciOiJIUzI1NiIs...',
  })
  token: string;
}

export class MeResponseDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;
}
